import { describe, expect, it } from "vitest";
import { followUpDueSpec, followUpStatusSpec } from "../../src/domain/asking/follow-ups.js";
import { answerAt } from "../../src/domain/asking/spec.js";
import type { TrackedAction } from "../../src/domain/history.js";
import { checkAnswer } from "../../src/domain/questions.js";
import type { Rep } from "../../src/domain/rep.js";
import { buildSessionRecord, renderSessionBody, type SessionInput } from "../../src/domain/session-record.js";
import type { Template } from "../../src/domain/template.js";
import { Asker } from "../../src/ui/ask.js";

const rep: Rep = { id: "alex-kim", name: "Alex Kim", role: "", style: null, goals: [], focus_stage: null };
const tracked: TrackedAction = {
  action: {
    id: "k7m2qx",
    text: "Send the recap to Acme",
    owner: "rep",
    due: "2026-11-20",
    status: "open",
    closed_on: null,
  },
  rep: "alex-kim",
  made: "2026-11-12",
  path: "reps/alex-kim/records/2026-11-12-session-discovery-ab12.md",
  recordId: "2026-11-12-session-discovery-ab12",
};
const template: Template = {
  id: "session-discovery",
  title: "Listening first",
  kind: "session",
  stages: ["discovery"],
  coaching_kind: "training",
  focus: "skillset",
  minutes: 30,
  description: "",
  questions: [
    { id: "goal", prompt: "What do you want?", type: "text", required: true },
    { id: "rate", prompt: "Rate listening", type: "scale", skill: "active-listening", required: true },
  ],
};

function input(extra: Partial<SessionInput> = {}): SessionInput {
  return {
    id: "2026-11-22-session-discovery-zz99",
    rep,
    date: "2026-11-22",
    status: "completed",
    template,
    stage: { id: "discovery", name: "Discovery" },
    plan: "2026-11-21-plan-discovery-aa11",
    followUps: [tracked],
    followUpAnswers: { k7m2qx: { status: "done" } },
    questions: template.questions!,
    answers: { goal: "Listen more", rate: 2 },
    actions: [
      {
        id: "n3wact",
        text: "Ask two open questions per call",
        owner: "rep",
        due: "2026-11-27",
        status: "open",
        closed_on: null,
      },
    ],
    ...extra,
  };
}

describe("follow-up questions", () => {
  const question = followUpStatusSpec(tracked, "2026-11-22");

  it("use the action id as the question id and offer done / not yet / dropped", () => {
    expect(question.id).toBe("k7m2qx");
    expect(question.prompt).toContain("Send the recap to Acme");
    expect(question.prompt).toContain("2 days overdue");
    expect(checkAnswer(question, "open", "2026-11-22")).toEqual({ ok: true, value: "open" });
    expect(checkAnswer(question, "later", "2026-11-22").ok).toBe(false);
  });

  it("are reported missing like any question, under the key `follow_ups`", async () => {
    const asker = new Asker({ file: {}, today: "2026-11-22" });
    expect(await asker.ask(question)).toBeUndefined();
    expect(asker.missing).toEqual([
      {
        id: "k7m2qx",
        key: "follow_ups",
        type: "choice",
        prompt: question.prompt,
        choices: ["done", "tried", "open", "dropped"],
      },
    ]);
  });

  it("read a plain status or a map with a note and a new due date", () => {
    expect(answerAt({ follow_ups: { k7m2qx: "done" } }, question)).toEqual({ raw: "done" });
    const map = { follow_ups: { k7m2qx: { status: "open", due: "friday" } } };
    expect(answerAt(map, question)).toEqual({ raw: "open" });
    expect(checkAnswer(followUpDueSpec(tracked), answerAt(map, followUpDueSpec(tracked))!.raw, "2026-11-22")).toEqual({
      ok: true,
      value: "2026-11-27",
    });
  });

  it("offer the old due date when a commitment stays open", () => {
    expect(followUpDueSpec(tracked)).toMatchObject({ id: "k7m2qx_due", type: "date", default: "2026-11-20" });
  });
});

describe("session records", () => {
  it("hold the plan followed, answers, ratings from scale questions, follow-ups and new actions", () => {
    const record = buildSessionRecord(input());
    expect(record).toMatchObject({
      type: "session",
      status: "completed",
      template: "session-discovery",
      stage: "discovery",
      coaching_kind: "training",
      focus: "skillset",
      plan: "2026-11-21-plan-discovery-aa11",
      ratings: { "active-listening": 2 },
      follow_ups: [{ action: "k7m2qx", text: "Send the recap to Acme", status: "done" }],
    });
    expect(record.actions![0]!.id).toBe("n3wact");
    expect(record.pending).toBeUndefined();
  });

  it("keep a follow-up's note, and a new due date only for one left open", () => {
    const record = buildSessionRecord(
      input({ followUpAnswers: { k7m2qx: { status: "open", note: "Acme is on holiday", due: "2026-12-04" } } }),
    );
    expect(record.follow_ups).toEqual([
      {
        action: "k7m2qx",
        text: "Send the recap to Acme",
        status: "open",
        note: "Acme is on holiday",
        due: "2026-12-04",
      },
    ]);
    const unchanged = buildSessionRecord(input({ followUpAnswers: { k7m2qx: { status: "open", due: "2026-11-20" } } }));
    expect(unchanged.follow_ups![0]!.due).toBeUndefined();
    expect(renderSessionBody(input({ followUpAnswers: { k7m2qx: { status: "open", due: "2026-12-04" } } }))).toContain(
      "Send the recap to Acme: not yet (now due 2026-12-04)",
    );
  });

  it("say who chose the focus", () => {
    expect(buildSessionRecord(input({ focusChosenBy: "rep" })).focus_chosen_by).toBe("rep");
  });

  it("a draft keeps half-typed text and only the follow-ups answered so far", () => {
    const record = buildSessionRecord(
      input({ status: "draft", followUpAnswers: {}, pending: { question: "goal", text: "Listen mo" } }),
    );
    expect(record.follow_ups).toEqual([]);
    expect(record.pending).toEqual({ question: "goal", text: "Listen mo" });
  });

  it("render follow-ups, the conversation, ratings and a commitment checklist", () => {
    const body = renderSessionBody(input());
    expect(body).toContain("- `k7m2qx` Send the recap to Acme: done");
    expect(body).toContain("**What do you want?**\n\n> Listen more");
    expect(body).toContain("- active-listening: 2 of 5");
    expect(body).toContain("- [ ] `n3wact` Ask two open questions per call (rep, due 2026-11-27)");
    expect(body).toContain("**Plan followed:** 2026-11-21-plan-discovery-aa11.");
  });
});
