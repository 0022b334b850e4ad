import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { joinFrontMatter, splitFrontMatter } from "../../src/domain/front-matter.js";
import { type CoachRecord, RECORD_SCHEMA } from "../../src/domain/record.js";
import { parseRecord } from "../../src/store/records.js";

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
