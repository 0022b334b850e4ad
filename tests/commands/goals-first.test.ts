import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseRecord } from "../../src/store/record-file.js";
import type { SelectPrompt } from "../../src/ui/prompter.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, PROSPECTING_PLAN_ANSWERS, read, recordFiles, tempDir } from "../helpers.js";
import { answersFile, holdFromMissing, PROSPECTING_SESSION_ANSWERS } from "../session-fixtures.js";

/** The goals conversation as a manager and Dana answer it. */
const GOALS_ANSWERS = {
  aspiration: "Leading a small team of account executives",
  why: "I like helping others win",
  today: "Too much admin in my week",
  strengths: "Curious with buyers; Calm under pressure",
  purpose_link: "When a buyer tells me I helped",
  doubts: "That I am too junior for it",
  quarter_link: "Own two discovery calls a week",
  options: "Shadow Sam on a negotiation",
  goals: "Run discovery alone; Close a deal over 50k",
  will: "Book two discovery calls",
  revisit: "2026-12-14",
  add_action_1: false,
  took_over: false,
};

const SELF_CHECK = Object.fromEntries(
  Object.entries(PROSPECTING_PLAN_ANSWERS).filter(([id]) => id.startsWith("self_")),
);

async function newRep(): Promise<string> {
  const workspace = tempDir();
  await coach(["init", workspace]);
  await coach(["rep", "add", "Dana Lee"], { workspace });
  return workspace;
}

function records(workspace: string, type: string) {
  return recordFiles(workspace, "dana-lee")
    .filter((file) => file.includes(`-${type}-`))
    .map((file) => {
      const parsed = parseRecord(read(file), file);
      if (!parsed.ok) throw new Error(parsed.problem);
      return parsed.value.record;
    });
}

function profile(workspace: string) {
  return parse(read(`${workspace}/reps/dana-lee/rep.yaml`)) as Record<string, unknown>;
}

describe("a new rep's first 1:1 is the goals conversation", () => {
  it("plan prepares it: the goals plan and the career session, with the reason", async () => {
    const workspace = await newRep();
    const file = answersFile(tempDir(), { ...SELF_CHECK, opening_question: "Where do you want to be in two years?" });
    const result = await coach(["plan", "dana-lee", "--answers", file], { workspace });
    expect(result.code, result.stderr).toBe(0);
    const screen = result.stdout.replace(/\s+/g, " ");
    expect(screen).toContain("Focus: Dana Lee's own goals (first 1:1: start from the rep's own goals).");
    expect(screen).toContain("Which goals do you set yourself for the coming months, in your own words?");
    const body = read(recordFiles(workspace, "dana-lee")[0]!);
    expect(body).toContain("**Focus:** Dana Lee's own goals: first 1:1: start from the rep's own goals.");
    expect(body).not.toContain("Gate to look for");
    expect(records(workspace, "plan")[0]).toMatchObject({
      template: "plan-goals",
      session_template: "session-career",
      coaching_kind: "advisor",
      reason: "first 1:1: start from the rep's own goals",
    });
  });

  it("--stage, a goal of the rep's own, or a 1:1 already held plan a stage as before", async () => {
    const workspace = await newRep();
    const file = answersFile(tempDir(), PROSPECTING_PLAN_ANSWERS);
    const staged = await coach(["--json", "plan", "dana-lee", "--stage", "prospecting", "--answers", file], {
      workspace,
    });
    expect(staged.code, staged.stderr).toBe(0);
    expect(records(workspace, "plan")[0]).toMatchObject({
      template: "plan-prospecting",
      reason: "chosen with --stage",
    });

    const withGoal = await newRep();
    await coach(["rep", "goal", "add", "dana-lee", "Book more first meetings"], { workspace: withGoal });
    expect((await coach(["plan", "dana-lee", "--answers", file], { workspace: withGoal })).code).toBe(0);
    expect(records(withGoal, "plan")[0]).toMatchObject({ template: "plan-prospecting" });

    const held = await newRep();
    const session = answersFile(tempDir(), PROSPECTING_SESSION_ANSWERS, "s.yaml");
    const first = await coach(["session", "dana-lee", "--template", "session-prospecting", "--answers", session], {
      workspace: held,
    });
    expect(first.code, first.stderr).toBe(0);
    expect((await coach(["plan", "dana-lee", "--answers", file], { workspace: held })).code).toBe(0);
    expect(records(held, "plan")[0]).toMatchObject({ template: "plan-prospecting" });
  });

  it("session opens with it; goals, strengths and the revisit land in rep.yaml and the manager's commitments", async () => {
    const workspace = await newRep();
    const prompter = new ScriptedPrompter({ manager_name: "Pat Doe", focus_choice: "keep", ...GOALS_ANSWERS });
    const result = await coach(["session", "dana-lee"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked.slice(0, 3)).toEqual(["manager_name", "focus_choice", "aspiration"]);
    expect(result.stderr).toContain(
      "1:1 with Dana Lee, 2026-11-22: no plan to follow; first 1:1: start from the rep's own goals.",
    );
    const [session] = records(workspace, "session");
    expect(session).toMatchObject({
      template: "session-career",
      coaching_kind: "advisor",
      focus_chosen_by: "tool",
      actions: [{ text: "Revisit Dana Lee's goals", owner: "manager", due: "2026-12-14", status: "open" }],
    });
    expect(profile(workspace)).toMatchObject({
      goals: [
        { id: "g1", text: "Run discovery alone", status: "open", added: "2026-11-22" },
        { id: "g2", text: "Close a deal over 50k", status: "open", added: "2026-11-22" },
      ],
      strengths: ["Curious with buyers", "Calm under pressure"],
    });
    // The goals are a list a person reads, not one long line.
    expect(read(`${workspace}/reps/dana-lee/rep.yaml`)).toContain("\n  - id: g1\n    text: Run discovery alone\n");
    const actions = await coach(["actions", "dana-lee"], { workspace });
    expect(actions.stdout).toMatch(/manager\s+2026-12-14\s+open\s+Revisit Dana Lee's goals/);

    // Held once: the next plan works on a stage again.
    const next = await coach(["plan", "dana-lee", "--answers", answersFile(tempDir(), PROSPECTING_PLAN_ANSWERS)], {
      workspace,
    });
    expect(next.code, next.stderr).toBe(0);
    expect(records(workspace, "plan")[0]).toMatchObject({ template: "plan-prospecting" });
  });

  it("a session following the goals plan suggests the goals conversation, kept by the manager's plan", async () => {
    const workspace = await newRep();
    const plan = answersFile(tempDir(), { ...SELF_CHECK, opening_question: "Where do you want to be in two years?" });
    expect((await coach(["plan", "dana-lee", "--answers", plan], { workspace })).code).toBe(0);
    const suggested: string[] = [];
    const prompter = new (class extends ScriptedPrompter {
      override select(prompt: SelectPrompt): Promise<string> {
        if (prompt.id === "focus_choice") suggested.push(prompt.message, prompt.choices[0]!.name ?? "");
        return super.select(prompt);
      }
    })({ manager_name: "", ...GOALS_ANSWERS });
    const result = await coach(["session", "dana-lee"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(suggested).toEqual([
      "What does the rep want to work on? (suggested: the goals conversation)",
      "keep: the goals conversation",
    ]);
    expect(records(workspace, "session")[0]).toMatchObject({ template: "session-career", focus_chosen_by: "manager" });
  });

  it("its commitments may serve the goals just set", async () => {
    const workspace = await newRep();
    const file = answersFile(tempDir(), {
      ...GOALS_ANSWERS,
      add_action_1: undefined,
      actions: [{ text: "Book two discovery calls", due: "friday", goal: "g1" }],
    });
    const result = await coach(["session", "dana-lee", "--answers", file], { workspace });
    expect(result.code, result.stderr).toBe(0);
    expect(records(workspace, "session")[0]!.actions).toMatchObject([
      { text: "Revisit Dana Lee's goals", owner: "manager" },
      { text: "Book two discovery calls", owner: "rep", due: "2026-11-27", goal: "g1" },
    ]);
    expect(profile(workspace).goals).toMatchObject([{ id: "g1", text: "Run discovery alone" }, { id: "g2" }]);
  });

  it("a revisit before the day of the 1:1 is refused, and nothing is written", async () => {
    const workspace = await newRep();
    const file = answersFile(tempDir(), { ...GOALS_ANSWERS, revisit: "2026-11-01" });
    const result = await coach(["session", "dana-lee", "--answers", file], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/answers\.yaml: answer 'revisit': 2026-11-01 is before 2026-11-22/);
    expect(records(workspace, "session")).toEqual([]);
    expect(profile(workspace).goals).toEqual([]);
  });

  it("the rep may choose a stage instead: its session is held, chosen by the rep, and rep.yaml is untouched", async () => {
    const workspace = await newRep();
    const before = read(`${workspace}/reps/dana-lee/rep.yaml`);
    const file = answersFile(tempDir(), { ...PROSPECTING_SESSION_ANSWERS, focus_choice: "prospecting" });
    const result = await coach(["session", "dana-lee", "--answers", file], { workspace });
    expect(result.code, result.stderr).toBe(0);
    expect(records(workspace, "session")[0]).toMatchObject({
      template: "session-prospecting",
      focus_chosen_by: "rep",
    });
    expect(read(`${workspace}/reps/dana-lee/rep.yaml`)).toBe(before);
  });
});

describe("open goals steer the focus", () => {
  async function repWithGoals(): Promise<string> {
    const workspace = await newRep();
    await coach(["rep", "goal", "add", "dana-lee", "Book more first meetings"], { workspace });
    await coach(["rep", "goal", "add", "dana-lee", "Close bigger deals", "--stage", "negotiation"], { workspace });
    await coach(["rep", "goal", "add", "dana-lee", "Listen more", "--skill", "active-listening"], { workspace });
    return workspace;
  }

  it("a goal's stage beats process order, and the reason names the goal; goals take turns", async () => {
    const workspace = await repWithGoals();
    const file = answersFile(tempDir(), PROSPECTING_PLAN_ANSWERS);
    const plan = await coach(["plan", "dana-lee", "--answers", file], { workspace });
    expect(plan.code, plan.stderr).toBe(0);
    const [first] = records(workspace, "plan");
    expect(first).toMatchObject({
      stage: "negotiation",
      reason: "Dana Lee's goal g2 'Close bigger deals' (Negotiation)",
    });
    await holdFromMissing(workspace, ["session", "dana-lee", "--plan", first!.id]);
    // Negotiation was coached: the other goal with a stage, g3 (active listening, at discovery), has its turn.
    const second = await coach(["plan", "dana-lee", "--answers", file], { workspace });
    expect(second.code, second.stderr).toBe(0);
    expect(records(workspace, "plan").find((p) => p.id !== first!.id)).toMatchObject({
      stage: "discovery",
      reason: "Dana Lee's goal g3 'Listen more' (Discovery)",
    });
  });

  it("focus_choice takes a goal id: the goal's stage (or its skill's) is worked on, chosen by the rep", async () => {
    const workspace = await repWithGoals();
    const unknown = await coach(["session", "dana-lee", "--answers", answersFile(tempDir(), { focus_choice: "g9" })], {
      workspace,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/focus_choice: expected one of keep, g1, g2, g3, prospecting, /);

    await holdFromMissing(workspace, ["session", "dana-lee"], { focus_choice: "g3" });
    expect(records(workspace, "session")[0]).toMatchObject({
      stage: "discovery",
      template: "session-discovery",
      focus_chosen_by: "rep",
    });
  });
});
