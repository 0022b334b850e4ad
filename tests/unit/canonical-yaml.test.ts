import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { toYaml } from "../../src/domain/front-matter.js";
import { parseCanonicalYaml } from "../../src/store/canonical-yaml.js";
import { tempDir } from "../helpers.js";
import { repProfile, session, writeHistory } from "../history.js";

/** What the `yaml` package makes of the text, read as parseYaml reads it; undefined when it reports anything. */
function yamlReads(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, schema: "core", prettyErrors: false });
  if (doc.errors.length || doc.warnings.length) return undefined;
  return doc.toJS({ maxAliasCount: 50 }) ?? {};
}

/** The fast reader either gives up or agrees with `yaml` exactly. */
function agrees(text: string): boolean {
  const fast = parseCanonicalYaml(text);
  if (fast === undefined) return true;
  expect(fast).toEqual(yamlReads(text));
  return true;
}

const key = fc.oneof(
  fc.constantFrom("id", "text", "due", "status", "true", "null", "12", "on", "yes", "a-b", "__proto__", "x y", "#k"),
  fc.string({ maxLength: 8 }),
);
const scalar = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom(
    "",
    " lead",
    "trail ",
    "a: b",
    "a #b",
    "a#b",
    "-",
    "-5",
    "--",
    "- x",
    "0o17",
    "0x1F",
    "012",
    "1e3",
    "1.",
    ".5",
    "+3",
    ".inf",
    "~",
    "Null",
    "TRUE",
    "yes",
    "2026-11-22",
    "'q'",
    '"dq"',
    "[x]",
    "{y}",
    "&a",
    "*a",
    "!t",
    "%p",
    "@x",
    "line\nbreak",
    "tab\there",
    "é🙂",
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("node"), { maxKeys: 4 }),
})).node;

describe("parseCanonicalYaml", () => {
  it("reads what toYaml writes exactly as the yaml package does, or gives up", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (data) => agrees(toYaml(data))),
      { numRuns: 1500 },
    );
  });

  it("agrees on hand-damaged text too: a broken file is never read as a good one", () => {
    const base = toYaml({
      ...session("alex-kim", "2026-11-20", {
        ratings: { "active-listening": 3 },
        actions: [{ text: "Call: 'Acme' #1", due: "2026-11-27" }],
      }),
      answers: undefined,
    });
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom("insert", "delete", "replace", "duplicate-line", "drop-line"),
      char: fc.constantFrom(" ", "-", ":", "#", "'", '"', "\n", "  ", "a", "[", "{", "&", "*", "|", "\\"),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = base;
        for (const { at, kind, char } of edits) {
          const i = at % (text.length + 1);
          const lines = text.split("\n");
          const line = at % lines.length;
          if (kind === "insert") text = text.slice(0, i) + char + text.slice(i);
          else if (kind === "delete") text = text.slice(0, i) + text.slice(i + 1);
          else if (kind === "replace") text = text.slice(0, i) + char + text.slice(i + 1);
          else if (kind === "duplicate-line") text = [...lines.slice(0, line + 1), ...lines.slice(line)].join("\n");
          else text = [...lines.slice(0, line), ...lines.slice(line + 1)].join("\n");
        }
        return agrees(text);
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees on YAML a person wrote by hand, line by line", () => {
    const raw = fc.oneof(
      fc.constantFrom(
        "yes",
        "no",
        "on",
        "true",
        "True",
        "TRUE",
        "tRUE",
        "false",
        "null",
        "~",
        "NULL",
        "nULL",
        "-",
        "-5",
        "+5",
        "-0",
        "012",
        "0o17",
        "0x1f",
        "1e3",
        "1E3",
        "1.5e-3",
        ".5",
        "1.",
        "+.5",
        ".inf",
        "-.Inf",
        ".nan",
        "123456789012345678901",
        "9007199254740993",
        "a: b",
        "a:b",
        "a:",
        "a #b",
        "a#b",
        "'q''s'",
        "'unclosed",
        "''",
        "'''",
        '"a\\tb"',
        '"\\x41\\u00e9\\U0001F600"',
        '"bad\\q"',
        '"open',
        '"a" b',
        "[]",
        "{}",
        "[a]",
        "{a: 1}",
        "&x y",
        "*x",
        "!!str 5",
        "|",
        "|-",
        ">",
        "%x",
        "@x",
        "`x",
        "é🙂",
        "a, b",
        "--",
        "---",
        "...",
        "? x",
        ": x",
        "-x",
        "x ",
        " x",
        "",
      ),
      fc.string({ maxLength: 6 }),
    );
    const line = fc.record({
      indent: fc.constantFrom("", "", "  ", "    ", " "),
      form: fc.constantFrom("key", "item", "open", "item-key"),
      key,
      raw,
    });
    const text = fc
      .array(line, { minLength: 1, maxLength: 6 })
      .map((lines) =>
        lines
          .map(({ indent, form, key, raw }) =>
            form === "key"
              ? `${indent}${key}: ${raw}`
              : form === "item"
                ? `${indent}- ${raw}`
                : form === "open"
                  ? `${indent}${key}:`
                  : `${indent}- ${key}: ${raw}`,
          )
          .join("\n"),
      );
    fc.assert(fc.property(text, agrees), { numRuns: 5000 });
  });

  it("agrees on plausible hand-written front matter", () => {
    const plainKey = fc.constantFrom("id", "date", "status", "mood", "a-b", "x_1", "rating");
    const raw = fc.constantFrom(
      "yes",
      "no",
      "on",
      "true",
      "True",
      "TRUE",
      "tRUE",
      "false",
      "null",
      "~",
      "NULL",
      "nULL",
      "-5",
      "+5",
      "-0",
      "012",
      "0o17",
      "0x1f",
      "1e3",
      "1E3",
      "1.5e-3",
      ".5",
      "1.",
      "+.5",
      ".inf",
      "-.Inf",
      ".nan",
      "123456789012345678901",
      "9007199254740993",
      "a: b",
      "a:b",
      "a:",
      "a #b",
      "a#b",
      "'q''s'",
      "'a'b'",
      "'unclosed",
      '"\\xZZ"',
      '"\\u12"',
      "''",
      "'''",
      '"a\\tb"',
      '"\\x41\\u00e9\\U0001F600"',
      '"bad\\q"',
      '"open',
      '"a" b',
      '"a\\"b"',
      "[]",
      "{}",
      "[a]",
      "{a: 1}",
      "&x y",
      "*x",
      "!!str 5",
      "%x",
      "@x",
      "`x",
      "é🙂",
      "a, b",
      "--",
      "---",
      "...",
      "-x",
      "x ",
      "plain words",
      "2026-11-22",
    );
    const entry = fc.oneof(
      fc.tuple(plainKey, raw).map(([k, v]) => `${k}: ${v}`),
      fc
        .tuple(plainKey, fc.array(raw, { minLength: 1, maxLength: 3 }))
        .map(([k, vs]) => `${k}:\n${vs.map((v) => `  - ${v}`).join("\n")}`),
      fc
        .tuple(plainKey, plainKey, raw, plainKey, raw)
        .map(([k, a, v, b, w]) => `${k}:\n  - ${a}: ${v}\n    ${b}: ${w}`),
      fc.tuple(plainKey, plainKey, raw).map(([k, a, v]) => `${k}:\n  ${a}: ${v}`),
      fc.constantFrom("# a comment", "", "  # an indented comment", "#", "   "),
      fc
        .tuple(plainKey, plainKey, raw, fc.constantFrom("  # between", "", "# at the margin"))
        .map(([k, a, v, c]) => `${k}:\n${c}\n  - ${a}: ${v}`),
      fc
        .tuple(plainKey, raw, fc.constantFrom("  # after", "", "  more words", "  - x"))
        .map(([k, v, c]) => `${k}: ${v}\n${c}`),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), (entries) => agrees(`${entries.join("\n")}\n`)),
      { numRuns: 5000 },
    );
  });

  it("reads the records the tool writes without giving up", () => {
    const record = {
      ...session("alex-kim", "2026-11-20", {
        ratings: { "active-listening": 3 },
        actions: [{ text: "Send the recap: pricing, 'terms' & next steps #2", due: "2026-11-27" }],
      }),
      answers: undefined,
      mood: "yes",
    };
    const text = toYaml(record);
    expect(parseCanonicalYaml(text)).toEqual(yamlReads(text));
    expect(parseCanonicalYaml(text)).toMatchObject({
      date: "2026-11-20",
      mood: "yes",
      ratings: { "active-listening": 3 },
    });
  });

  it("reads a new workspace's coach.yaml and a rep profile without giving up", () => {
    const root = tempDir();
    writeHistory(
      root,
      [repProfile("jose-nunez", { name: "José Núñez", goals: ["Run discovery alone: by January", "yes"] })],
      [],
    );
    for (const file of [join(root, "coach.yaml"), join(root, "reps", "jose-nunez", "rep.yaml")]) {
      const text = readFileSync(file, "utf8");
      expect(parseCanonicalYaml(text)).toBeDefined();
      expect(parseCanonicalYaml(text)).toEqual(yamlReads(text));
    }
  });

  it.each([
    ["a comment after a value", "id: x # note\n"],
    ["an anchor", "id: &a x\nrep: *a\n"],
    ["a block scalar", "text: |-\n  two\n  lines\n"],
    ["a flow list", "ids: [a, b]\n"],
    ["a duplicate key", "id: x\nid: y\n"],
    ["a tab", "id:\tx\n"],
    ["a sequence at the key's indentation", "ids:\n- a\n"],
    ["a quoted key", '"id": x\n'],
  ])("gives up on %s", (_, text) => {
    expect(parseCanonicalYaml(text)).toBeUndefined();
  });
});
