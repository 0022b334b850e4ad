import { describe, expect, it } from "vitest";
import { askQuestions } from "../../src/commands/interview.js";
import { commitmentSpecs } from "../../src/domain/asking/commitments.js";
import { followUpStatusSpec } from "../../src/domain/asking/follow-ups.js";
import { roundSpecs } from "../../src/domain/asking/rounds.js";
import type { Answers } from "../../src/domain/questions.js";
import { checkAnswer, isAsked, ratingsFrom } from "../../src/domain/questions.js";
import { type Question, questionSchema } from "../../src/domain/template.js";
import { Asker } from "../../src/ui/ask.js";

const q = (raw: Record<string, unknown>): Question => questionSchema().parse({ prompt: "?", ...raw });
const today = "2026-11-22";

describe("checkAnswer: the one validator for prompts and answers files", () => {
  it("keeps text exactly, numbers as text", () => {
    expect(checkAnswer(q({ id: "a" }), "  spaced  ", today)).toEqual({ ok: true, value: "  spaced  " });
    expect(checkAnswer(q({ id: "a" }), 42, today)).toEqual({ ok: true, value: "42" });
  });

  it("keeps tabs and line breaks, and refuses other control characters (an editor's file can hold them)", () => {
    const editor = q({ id: "a", type: "editor" });
    expect(checkAnswer(editor, "one\ttwo\r\nthree", today)).toEqual({ ok: true, value: "one\ttwo\r\nthree" });
    expect(checkAnswer(editor, "ring\x07", today)).toEqual({
      ok: false,
      error: "holds a control character (U+0007); remove it",
    });
    expect(checkAnswer(q({ id: "a" }), "\x1b[2J", today)).toEqual({
      ok: false,
      error: "holds a control character (U+001B); remove it",
    });
  });

  it("requires an answer unless the question is optional", () => {
    expect(checkAnswer(q({ id: "a" }), "", today).ok).toBe(false);
    expect(checkAnswer(q({ id: "a", required: false }), "", today)).toEqual({ ok: true, value: null });
  });

  it("holds a scale to whole numbers within its range", () => {
    const scale = q({ id: "s", type: "scale", skill: "active-listening" });
    expect(checkAnswer(scale, 4, today)).toEqual({ ok: true, value: 4 });
    expect(checkAnswer(scale, "5", today)).toEqual({ ok: true, value: 5 });
    expect(checkAnswer(scale, 6, today)).toEqual({ ok: false, error: "expected a number from 1 to 5" });
    expect(checkAnswer(scale, 2.5, today).ok).toBe(false);
  });

  it("accepts only listed choices", () => {
    const choice = q({ id: "c", type: "choice", choices: ["call", "email"] });
    expect(checkAnswer(choice, "call", today).ok).toBe(true);
    expect(checkAnswer(choice, "fax", today)).toEqual({ ok: false, error: "expected one of call, email" });
    const multi = q({ id: "m", type: "multi", choices: ["a", "b"] });
    expect(checkAnswer(multi, "a; b", today)).toEqual({ ok: true, value: ["a", "b"] });
    expect(checkAnswer(multi, ["a", "z"], today).ok).toBe(false);
    // a choice given twice would be stored twice: refused, from a file and at the terminal alike
    expect(checkAnswer(multi, ["b", "a", "b"], today)).toEqual({
      ok: false,
      error: "'b' is chosen more than once; choose each once",
    });
  });

  it("reads yes/no words for a confirm, and due-date words for a date", () => {
    expect(checkAnswer(q({ id: "y", type: "confirm" }), "yes", today)).toEqual({ ok: true, value: true });
    expect(checkAnswer(q({ id: "y", type: "confirm" }), false, today)).toEqual({ ok: true, value: false });
    expect(checkAnswer(q({ id: "d", type: "date" }), "friday", today)).toEqual({ ok: true, value: "2026-11-27" });
    expect(checkAnswer(q({ id: "d", type: "date" }), "someday", today).ok).toBe(false);
  });

  it("splits a list on ';' or new lines", () => {
    expect(checkAnswer(q({ id: "l", type: "list" }), "one; two\nthree", today)).toEqual({
      ok: true,
      value: ["one", "two", "three"],
    });
  });
});

describe("conditions and missing answers", () => {
  const questions = [
    q({ id: "won", type: "confirm" }),
    q({ id: "why_lost", when: { question: "won", equals: false } }),
    q({ id: "next", default: "keep going" }),
    q({ id: "rate", type: "scale", skill: "paraphrasing" }),
    q({ id: "extra", required: false }),
  ];

  it("asks a follow-up only when the earlier answer matches", () => {
    expect(isAsked(questions[1]!, { won: false })).toBe(true);
    expect(isAsked(questions[1]!, { won: true })).toBe(false);
  });

  /** What a run without a terminal finds missing, given an answers file. */
  async function missingWith(file: Record<string, unknown>) {
    const asker = new Asker({ file, source: "a.yaml", today: "2026-11-22" });
    const answers: Answers = {};
    await askQuestions(asker, questions, answers);
    return { missing: asker.missing, answers };
  }

  it("lists what is still missing, in order, after defaults and conditions", async () => {
    expect((await missingWith({})).missing.map((m) => m.id)).toEqual(["won", "rate"]);
    expect((await missingWith({ won: false })).missing.map((m) => m.id)).toEqual(["why_lost", "rate"]);
    const complete = await missingWith({ won: true, rate: 3 });
    expect(complete.missing).toEqual([]);
    expect(complete.answers).toEqual({ won: true, next: "keep going", rate: 3, extra: null });
  });

  it("describes a missing question well enough for a script to answer it", async () => {
    expect((await missingWith({ won: true })).missing).toEqual([
      { id: "rate", type: "scale", prompt: "?", min: 1, max: 5, skill: "paraphrasing" },
    ]);
  });

  it("checks a file's answer with the same validator, naming the file and the question", async () => {
    await expect(missingWith({ won: "maybe" })).rejects.toThrow("a.yaml: answer 'won': expected yes or no");
  });

  it("turns scale answers into ratings of their skill", () => {
    expect(ratingsFrom(questions, { rate: 4, won: true })).toEqual({ paraphrasing: 4 });
  });
});

describe("one Asker for every kind of question", () => {
  const tracked = {
    action: {
      id: "k7m2qx",
      text: "Send the recap",
      owner: "rep" as const,
      due: null,
      status: "open" as const,
      closed_on: null,
    },
    rep: "alex-kim",
    made: "2026-11-12",
    path: "reps/alex-kim/records/r.md",
    recordId: "r",
  };
  const round = {
    scenario: "s",
    prompt: "Open the call.",
    look_for: [{ text: "a", must: false, live: false }],
    skill: "opening-statement",
  };

  it("reports a follow-up, a question and a round missing in one pass, each with where it goes", async () => {
    const asker = new Asker({ file: { goal: "More meetings" }, source: "a.yaml", today: "2026-11-22" });
    await asker.ask(followUpStatusSpec(tracked, "2026-11-22"));
    await askQuestions(asker, [{ id: "goal", prompt: "Goal?", type: "text", required: true }, q({ id: "will" })], {});
    await asker.ask(roundSpecs(round, 0, "alex-kim", "Alex Kim", false).score);
    expect(asker.missing.map((m) => [m.id, m.key])).toEqual([
      ["k7m2qx", "follow_ups"],
      ["will", undefined],
      ["round-1", "rounds"],
    ]);
    expect(() => asker.finish()).toThrow("missing answers: k7m2qx, will, round-1");
  });

  it("without a person or an `actions` list, 'add a commitment?' is no, not a missing answer", async () => {
    const asker = new Asker({ file: {}, today: "2026-11-22" });
    expect(await asker.ask(commitmentSpecs(1, 0, "Alex Kim", true).more)).toBe(false);
    const listed = new Asker({ file: { actions: [{ text: "Call" }] }, today: "2026-11-22" });
    expect(await listed.ask(commitmentSpecs(1, 0, "Alex Kim", true).more)).toBe(true);
    expect(await listed.ask(commitmentSpecs(2, 1, "Alex Kim", false).more)).toBe(false);
    expect(asker.missing).toEqual([]);
  });
});
