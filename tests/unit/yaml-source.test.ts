import { describe, expect, it } from "vitest";
import * as z from "zod";
import { templateSchema } from "../../src/domain/template.js";
import { parseYaml } from "../../src/store/yaml-source.js";

const template = (extra: string) =>
  `id: t\ntitle: T\nkind: session\nstages: [discovery]\ncoaching_kind: training\nfocus: both\n${extra}`;

describe("parseYaml: errors a person can act on", () => {
  it("points a syntax error at its line and column", () => {
    const parsed = parseYaml(z.unknown(), "a: 1\nb: [unclosed\n", "t.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:\d+:\d+: /);
  });

  it("points a schema error at the offending value", () => {
    const parsed = parseYaml(
      templateSchema,
      template("questions:\n  - id: q1\n    prompt: Hi\n    type: essay\n"),
      "t.yaml",
    );
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:10:11: questions\.0\.type: /);
  });

  it("points a missing key at its parent", () => {
    const parsed = parseYaml(templateSchema, template("questions:\n  - id: q1\n"), "t.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:8:5: questions\.0\.prompt: /);
  });

  it("refuses duplicate keys", () => {
    const parsed = parseYaml(z.unknown(), "a: 1\na: 2\n", "t.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:2:1: .*unique/i);
  });

  it("refuses an alias bomb", () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`,
      ),
    ].join("\n");
    const parsed = parseYaml(z.unknown(), bomb, "bomb.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^bomb\.yaml:1:1: .*alias/i);
  });

  it("refuses custom tags such as !!js/function", () => {
    const parsed = parseYaml(z.unknown(), "a: !!js/function 'function () { return 1 }'\n", "t.yaml");
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:1:4: .*tag/i);
  });

  it("refuses a heroic template with the reason", () => {
    const parsed = parseYaml(
      templateSchema,
      template("questions: [{id: a, prompt: b}]").replace("coaching_kind: training", "coaching_kind: heroic"),
      "t.yaml",
    );
    expect(!parsed.ok && parsed.problem).toMatch(/^t\.yaml:5:16: coaching_kind: heroic coaching .* never planned/);
  });

  it("refuses a condition that can never hold", () => {
    const parsed = parseYaml(
      templateSchema,
      template(
        "questions:\n  - {id: won, prompt: Won?, type: confirm}\n  - {id: why, prompt: Why?, when: {question: won, equals: 'no'}}\n",
      ),
      "t.yaml",
    );
    expect(!parsed.ok && parsed.problem).toMatch(/yes\/no question: compare it with true or false/);
  });
});
