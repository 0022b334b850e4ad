import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { splitFrontMatter } from "../../src/domain/front-matter.js";
import { type CoachRecord, RECORD_SCHEMA, toSummary } from "../../src/domain/record.js";
import { joinFrontMatter } from "../../src/domain/to-yaml.js";
import { parseRecord, parseRecordSummary } from "../../src/store/record-file.js";

function recordWith(answer: string, actionText = "Call Acme back"): CoachRecord {
  return {
    schema: RECORD_SCHEMA,
    id: "2026-11-22-session-discovery-abcd",
    type: "session",
    rep: "alex-kim",
    date: "2026-11-22",
    status: "completed",
    template: "session-discovery",
    stage: "discovery",
    coaching_kind: "training",
    focus: "both",
    answers: [{ id: "goal", prompt: "What do you want?", answer }],
    actions: [{ id: "k7m2qx", text: actionText, owner: "rep", due: "2026-11-27", status: "open", closed_on: null }],
  };
}

function roundTrip(record: CoachRecord, body = "\n# Body\n") {
  const parsed = parseRecord(joinFrontMatter(record, body), "x.md");
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

describe("record files", () => {
  it("any answer text survives a write and a read exactly", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.string({ unit: "binary", maxLength: 80 }).filter((s) => s.trim() !== ""),
        (answer, text) => {
          const record = recordWith(answer, text);
          const back = roundTrip(record);
          expect(back.record.answers![0]!.answer).toBe(answer);
          expect(back.record.actions![0]!.text).toBe(text);
          const asYaml11 = parse(splitFrontMatter(joinFrontMatter(record, ""))!.frontMatter, { version: "1.1" });
          expect(asYaml11.answers[0].answer).toBe(answer);
          expect(asYaml11.actions[0].text).toBe(text);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("1,000 hostile strings read back exactly in every parser: yaml, js-yaml, YAML 1.1, and PyYAML where present", () => {
    // Ten strings per record: answers, an action's text and a key a person added.
    const written: { frontMatter: string; record: CoachRecord }[] = [];
    fc.assert(
      fc.property(fc.array(hostileString, { minLength: 10, maxLength: 10 }), (strings) => {
        const [typed, note, ...answers] = strings as [string, string, ...string[]];
        const record: CoachRecord = {
          ...recordWith("", typed.trim() || "x"),
          answers: answers.map((answer, i) => ({ id: `q${i}`, prompt: answers[answers.length - 1 - i]!, answer })),
          mood: note,
        };
        const file = joinFrontMatter(record, "\n# Body\n");
        const back = parseRecord(file, "x.md");
        expect(back.ok && back.value.record).toEqual(record);
        const summary = parseRecordSummary(file, "x.md");
        expect(summary.ok && summary.value).toEqual(toSummary(record));
        const frontMatter = splitFrontMatter(file)!.frontMatter;
        expect(parse(frontMatter, { version: "1.1", logLevel: "error" })).toEqual(record);
        written.push({ frontMatter, record });
      }),
      { numRuns: 100 },
    );
    const python = readWithPyYaml(written.map((w) => w.frontMatter));
    if (!python) {
      console.info("PyYAML is not installed here: records were not read back with it (apt-get install python3-yaml)");
      return;
    }
    for (const reader of python) expect(reader).toEqual(written.map((w) => w.record));
  }, 60_000);

  it.each([
    ["DEL", "a\x7fb"],
    ["NEL", "line\x85next"],
    ["a line separator", "one\u2028two"],
    ["a lone surrogate", "half \ud83d of an emoji"],
    ["a multi-line answer with a control character", "first\n\x1b[31msecond\n"],
  ])("writes %s as an escape in double quotes", (_, answer) => {
    const frontMatter = splitFrontMatter(joinFrontMatter(recordWith(answer), ""))!.frontMatter;
    expect(frontMatter).toContain(`answer: "${answer.replace(/\n/g, "\\n").replace(/[^\n -~]/g, escapeOf)}"`);
    expect(frontMatter).not.toMatch(/[^\n -~]/);
    expect(roundTrip(recordWith(answer)).record.answers![0]!.answer).toBe(answer);
  });

  it("writes multi-line text holding tabs so libyaml reads it: in double quotes, not a block", () => {
    const answers = ["a\n\tb", "x\n\t\ny", "  \t lead\nnext\t", "a\n\n\t\t\n b"];
    const written = answers.map((answer) => splitFrontMatter(joinFrontMatter(recordWith(answer), ""))!.frontMatter);
    for (const [i, frontMatter] of written.entries()) {
      expect(frontMatter).not.toMatch(/answer: [|>]/);
      expect(roundTrip(recordWith(answers[i]!)).record.answers![0]!.answer).toBe(answers[i]);
    }
    const python = readWithPyYaml(written);
    if (python) for (const reader of python) expect(reader).toEqual(answers.map((answer) => recordWith(answer)));
  });

  it("keeps lines of only spaces in multi-line text, at its start and end too", () => {
    const answers = ["  \n", " \n", "\n  \n", "a\n  \n", "  \nx", "first\n   "];
    const written = answers.map((answer) => splitFrontMatter(joinFrontMatter(recordWith(answer), ""))!.frontMatter);
    for (const answer of answers) expect(roundTrip(recordWith(answer)).record.answers![0]!.answer).toBe(answer);
    const python = readWithPyYaml(written);
    if (python) for (const reader of python) expect(reader).toEqual(answers.map((answer) => recordWith(answer)));
  });

  it.each([
    ["front-matter fences and comments", "---\n# not a heading\n---"],
    ["quotes and colons", `she said: "it's 'fine'" key: value`],
    ["emoji and accents", "🎯 José's 👍🏽 goal"],
    ["surrounding spaces", "  leading and trailing  "],
    ["blank lines", "\n\nfirst\n\n\nlast\n\n"],
    ["a document end marker", "a\n...\nb"],
  ])("keeps %s", (_, answer) => {
    expect(roundTrip(recordWith(answer)).record.answers![0]!.answer).toBe(answer);
  });

  it("keeps the body a person wrote, and keys a person added", () => {
    const text = joinFrontMatter({ ...recordWith("x"), mood: "upbeat" }, "\n# Notes\n\nMy own notes.\n");
    const back = parseRecord(text, "x.md");
    expect(back.ok && back.value.body).toBe("\n# Notes\n\nMy own notes.\n");
    expect(back.ok && back.value.record.mood).toBe("upbeat");
  });

  it("reads the same in a YAML 1.1 parser: strings that look like other types stay strings", () => {
    for (const answer of [
      "yes",
      "no",
      "on",
      "off",
      "y",
      "n",
      "2026-01-05",
      "012",
      "0o17",
      "1e3",
      "0x1F",
      "~",
      "null",
      "true",
      "12:30",
      "1_000",
      ".inf",
      "tab\there",
      "<<",
      "=",
    ]) {
      const split = splitFrontMatter(joinFrontMatter(recordWith(answer), ""))!;
      // yaml read as 1.1 resolves yes/no/on, dates, octals and sexagesimals the way PyYAML does.
      const data = parse(split.frontMatter, { version: "1.1" }) as { date: unknown; answers: { answer: unknown }[] };
      expect(data.answers[0]!.answer, answer).toBe(answer);
      expect(data.date).toBe("2026-11-22");
      expect(roundTrip(recordWith(answer)).record.answers![0]!.answer, answer).toBe(answer);
      // PyYAML refuses a tab in a plain scalar and reads `<<` and `=` as special keys.
      if (/\t|^=$/.test(answer)) expect(split.frontMatter).toContain(`answer: ${JSON.stringify(answer)}`);
      if (answer === "<<") expect(split.frontMatter).toContain('answer: !!str "<<"');
    }
  });

  it("reports a broken record as file:line:col with what is wrong", () => {
    const text = joinFrontMatter(recordWith("x"), "").replace("status: completed", "status: finished");
    const parsed = parseRecord(text, "reps/alex-kim/records/r.md");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatch(/^reps\/alex-kim\/records\/r\.md:7:9: status: /);
  });

  it("refuses a file without front matter", () => {
    const parsed = parseRecord("# just markdown\n", "r.md");
    expect(!parsed.ok && parsed.problem).toMatch(/^r\.md:1:1: no front matter/);
  });
});

/** Strings made of what breaks YAML writers and readers, mixed with any text. */
const hostileString = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ..."\x00\x07\x08\x1b\r\t\n\x7f\x80\x85\x9b\x9f\xa0\u2028\u2029\ufeff\ufffe\uffff\ud800\udfff",
        ...["\r\n", " ", "  ", '"', "'", "\\", "#", ": ", "- ", "---", "...", "!urgent", "%p", "&a", "*a", "|", ">"],
        ...["{", "[", "@", "`", "yes", "no", "~", "012", "2026-02-30", "<<", "=", "\ud83d\ude00", "e\u0301"],
      ),
      fc.string({ unit: "binary", maxLength: 4 }),
      fc.string({ unit: "grapheme", maxLength: 4 }),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(""));

function escapeOf(char: string): string {
  const code = char.charCodeAt(0);
  if (code === 0x1b) return "\\e";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Each text as PyYAML reads it, once with its Python reader and once with libyaml's
 * where built in (the reader Jekyll's Psych shares), in one python3 process for the whole
 * batch; undefined when python3 or PyYAML is missing. The files' UTF-8 bytes go in as
 * written, and JSON with ASCII escapes comes out, so a lone surrogate survives the trip.
 */
function readWithPyYaml(texts: string[]): unknown[][] | undefined {
  const script = `
import base64, json, sys
try:
    import yaml
except ImportError:
    sys.exit(3)
loaders = [yaml.SafeLoader] + ([yaml.CSafeLoader] if getattr(yaml, "__with_libyaml__", False) else [])
texts = [base64.b64decode(t) for t in json.load(sys.stdin)]
json.dump([[yaml.load(t, Loader=loader) for t in texts] for loader in loaders], sys.stdout, ensure_ascii=True)
`;
  const input = JSON.stringify(texts.map((text) => Buffer.from(text, "utf8").toString("base64")));
  const run = spawnSync("python3", ["-c", script], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.error || run.status === 3) return undefined;
  if (run.status !== 0) throw new Error(`PyYAML could not read a record: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown[][];
}
