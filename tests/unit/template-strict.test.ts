import { describe, expect, it } from "vitest";
import { placementProblems, templateSchema } from "../../src/domain/template.js";
import { parseYaml } from "../../src/store/yaml-source.js";

const header =
  "id: my-discovery\ntitle: Mine\nkind: session\nstages: [discovery]\ncoaching_kind: training\nfocus: both\n";
const question = "questions:\n  - id: q\n    prompt: What did you hear?\n";
const parse = (text: string) => parseYaml(templateSchema(), text, "t.yaml");

describe("a strict template", () => {
  it.each([
    [`${header}${question}descripton: Hi\n`, "t.yaml:10:1: descripton: unknown key; did you mean 'description'?"],
    [
      `${header}questions:\n  - id: q\n    promt: What did you hear?\n`,
      "t.yaml:9:5: questions.0.promt: unknown key; did you mean 'prompt'?",
    ],
    [
      header.replace("kind: session", "kind: sesion") + question,
      "t.yaml:3:7: kind: 'sesion' is not one of plan, session, drill; did you mean 'session'?",
    ],
    [
      header.replace("training", "trainig") + question,
      "t.yaml:5:16: coaching_kind: 'trainig' is not one of advisor, performance, deal, training; " +
        "did you mean 'training'?",
    ],
    [
      `${header}${question}    type: scael\n`,
      "t.yaml:10:11: questions.0.type: 'scael' is not one of " +
        "text, editor, choice, multi, scale, confirm, number, date, list; did you mean 'scale'?",
    ],
  ])("refuses a mistyped key or value at its line, with a did-you-mean (%#)", (text, problem) => {
    expect(parse(text)).toMatchObject({ ok: false, problem, problems: [problem] });
  });

  it("names the allowed values when one is missing", () => {
    expect(parse(header.replace("focus: both\n", "") + question)).toMatchObject({
      ok: false,
      problem: "t.yaml:1:1: focus: missing; use one of skillset, mindset, both",
    });
  });
});

describe("where a template file sits", () => {
  const template = templateSchema().parse({
    id: "drill-x",
    title: "X",
    kind: "drill",
    stages: "any",
    coaching_kind: "training",
    focus: "skillset",
    rounds: [{ scenario: "s", prompt: "p", look_for: "l", skill: "x" }],
  });

  it("must match its id to its file name and its kind to its folder", () => {
    expect(placementProblems(template, { fileName: "drill-x", folder: "drill", inKindFolder: true })).toEqual([]);
    expect(placementProblems(template, { fileName: "drill-y", folder: "session", inKindFolder: true })).toEqual([
      {
        key: "id",
        message:
          "id 'drill-x' does not match the file name 'drill-y'; rename the file to drill-x.yaml or change the id",
      },
      {
        key: "kind",
        message: "kind 'drill' does not match its folder session/; move it to templates/drill/ or change the kind",
      },
    ]);
  });

  it("may sit in any folder outside a workspace's templates/, but not loose inside it", () => {
    expect(placementProblems(template, { fileName: "drill-x", folder: "drafts", inKindFolder: false })).toEqual([]);
    expect(
      placementProblems(template, { fileName: "drill-x", folder: "templates", inKindFolder: true })[0]?.message,
    ).toBe("a drill template belongs in templates/drill/; move it there");
  });
});
