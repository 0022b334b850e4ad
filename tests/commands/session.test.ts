import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { WHEN_FORMS } from "../../src/domain/when.js";
import { parseRecord } from "../../src/store/record-file.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import {
  coach,
  PROSPECTING_PLAN_ANSWERS,
  ROOT,
  read,
  recordFiles,
  tempDir,
  writeFile,
  writtenRecord,
} from "../helpers.js";
import {
  answersFile,
  CtrlCPrompter,
  holdSession,
  PROSPECTING_SESSION_ANSWERS,
  RetypingPrompter,
  workspaceWithRep,
} from "../session-fixtures.js";

/** The same answers as a person types them at prompts (lists as text). */
const TYPED = { ...PROSPECTING_SESSION_ANSWERS, options: "Lead with their quarter; Mention a peer" };
const TWO_COMMITMENTS = {
  add_action_1: true,
  action_1_text: "Send the recap to Acme",
  action_1_owner: "rep",
  action_1_due: "friday",
  action_1_goal: "g1",
  add_action_2: true,
  action_2_text: "Book the pricing review",
  action_2_owner: "manager",
  action_2_due: "2w",
  action_2_goal: "none",
  add_action_3: false,
};

function recordAt(path: string) {
  const parsed = parseRecord(read(path), path);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

function sessionFiles(workspace: string): string[] {
  return recordFiles(workspace, "alex-kim").filter((f) => f.includes("-session-"));
}

async function planFor(workspace: string): Promise<string> {
  const result = await coach(
    ["--json", "plan", "alex-kim", "--answers", answersFile(tempDir(), PROSPECTING_PLAN_ANSWERS)],
    { workspace },
  );
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { id: string }).id;
}

describe("coach session in a terminal", () => {
  it("asks the rep what to work on even when a plan is followed, and holds the plan with the rep's choice", async () => {
    const workspace = await workspaceWithRep();
    const planId = await planFor(workspace);
    // The rep picks discovery: its session's questions come instead of the plan's.
    const discovery = parse(readFileSync(join(ROOT, "templates", "session", "session-discovery.yaml"), "utf8")) as {
      questions: { id: string; type?: string }[];
    };
    const answers = Object.fromEntries(
      discovery.questions.map((q) => [q.id, q.type === "scale" ? 3 : q.type === "list" ? "One; Two" : "Said"]),
    );
    const prompter = new ScriptedPrompter({ focus_choice: "discovery", ...answers, add_action_1: false });
    const result = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked[0]).toBe("focus_choice");
    const [session] = sessionFiles(workspace).map(recordAt);
    expect(session!.record).toMatchObject({
      plan: planId,
      template: "session-discovery",
      stage: "discovery",
      focus_chosen_by: "rep",
    });
    const plan = recordAt(recordFiles(workspace, "alex-kim").find((f) => f.includes("-plan-"))!);
    expect(plan.record).toMatchObject({ status: "completed", held_in: session!.record.id });
  });

  it("follows up open commitments (overdue first), asks the plan's questions, records two new commitments, closes and holds", async () => {
    const workspace = await workspaceWithRep();
    const [later, overdue] = await holdSession(
      workspace,
      {
        actions: [
          { text: "Later one", due: "2026-11-30" },
          { text: "Overdue one", due: "2026-11-20" },
        ],
      },
      ["--date", "2026-11-15"],
    );
    const planId = await planFor(workspace);
    const prompter = new ScriptedPrompter({
      [overdue!]: "done",
      [later!]: "open",
      [`${later}_due`]: "2026-12-04",
      ...TYPED,
      ...TWO_COMMITMENTS,
    });

    const result = await coach(["session", "alex-kim"], { workspace, prompter });

    expect(result.code, result.stderr).toBe(0);
    // The plan is the manager's suggestion: the rep is asked first, and keeps it (the default).
    // Then "not yet" asks by when now.
    expect(prompter.asked.slice(0, 5)).toEqual(["focus_choice", overdue, later, `${later}_due`, "goal"]);
    // after the commitments, the manager's own question: did I do part of the rep's work?
    // Alex has an open goal, so each commitment is asked which goal it serves.
    expect(prompter.asked.slice(-12)).toEqual([...Object.keys(TWO_COMMITMENTS), "took_over"]);
    const [first, session] = sessionFiles(workspace).map(recordAt);
    expect(session!.record).toMatchObject({
      status: "completed",
      plan: planId,
      template: "session-prospecting",
      stage: "prospecting",
      focus_chosen_by: "manager",
      ratings: { "opening-statement": 2, "pre-call-planning": 4 },
      took_over: false,
      follow_ups: [
        { action: overdue, text: "Overdue one", status: "done" },
        { action: later, text: "Later one", status: "open", due: "2026-12-04" },
      ],
    });
    expect(session!.record.actions!.map((a) => [a.text, a.owner, a.due, a.status, a.goal])).toEqual([
      ["Send the recap to Acme", "rep", "2026-11-27", "open", "g1"],
      ["Book the pricing review", "manager", "2026-12-06", "open", undefined],
    ]);
    // The follow-up closed the action in the record that made it, on the session's day.
    expect(first!.record.actions!.find((a) => a.id === overdue)).toMatchObject({
      status: "done",
      closed_on: "2026-11-22",
    });
    expect(first!.record.actions!.find((a) => a.id === later)).toMatchObject({ status: "open", closed_on: null });
    expect(first!.body).toContain(`- [x] \`${overdue}\` Overdue one (rep, due 2026-11-20) (done 2026-11-22)`);
    expect(first!.body).toContain(`- [ ] \`${later}\` Later one`);
    const plan = recordAt(recordFiles(workspace, "alex-kim").find((f) => f.includes("-plan-"))!);
    expect(plan.record).toMatchObject({ status: "completed", held_in: session!.record.id });
    expect(result.stdout).toContain(`- ${later} Later one`);
    // The screen: what was agreed, then the record's path last.
    expect(result.stdout).toContain("Send the recap to Acme (rep, due 2026-11-27)");
    expect(result.stdout).not.toContain("## ");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toMatch(
      new RegExp(`^Full record: .*${session!.record.id}\\.md$`),
    );
  });

  it("asks again for a due date it cannot read, listing the forms it accepts", async () => {
    const workspace = await workspaceWithRep();
    const prompter = new RetypingPrompter(
      { ...TYPED, add_action_1: true, action_1_text: "Call Acme", action_1_owner: "rep", add_action_2: false },
      { action_1_due: ["someday", "friday"] },
    );
    const result = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.rejected).toEqual([
      { id: "action_1_due", typed: "someday", said: `'someday' is not a date I know; use one of: ${WHEN_FORMS}` },
    ]);
    expect(recordAt(sessionFiles(workspace)[0]!).record.actions![0]!.due).toBe("2026-11-27");
  });
});

describe("Ctrl-C and --resume", () => {
  it("saves no draft when nothing was answered yet, and keeps one once the focus was chosen", async () => {
    const workspace = await workspaceWithRep();
    const first = await coach(["session", "alex-kim"], { workspace, prompter: new CtrlCPrompter({}, "focus_choice") });
    expect(first.code).toBe(130);
    expect(first.stderr).toContain("error: interrupted before anything was answered; nothing was saved\n");
    expect(sessionFiles(workspace)).toEqual([]);
    expect(JSON.parse((await coach(["--json", "drafts"], { workspace })).stdout)).toEqual([]);

    const chosen = await coach(["session", "alex-kim"], {
      workspace,
      prompter: new CtrlCPrompter({ focus_choice: "keep" }, "goal"),
    });
    expect(chosen.code).toBe(130);
    expect(chosen.stderr).toContain("what you answered is saved in the draft");
    expect(sessionFiles(workspace)).toHaveLength(1);
  });

  it("saves a draft with what was answered (and half-typed), closes nothing, and --resume completes the same file", async () => {
    const workspace = await workspaceWithRep();
    const [action] = await holdSession(workspace, { actions: [{ text: "Send the recap", due: "2026-11-20" }] }, [
      "--date",
      "2026-11-15",
    ]);
    await planFor(workspace);
    const first = new CtrlCPrompter({ [action!]: "done", ...TYPED }, "squeezed", "Back-to-back de");

    const cancelled = await coach(["session", "alex-kim"], { workspace, prompter: first });

    expect(cancelled.code).toBe(130);
    expect(cancelled.stderr).toMatch(
      /interrupted: what you answered is saved in the draft \/\S+\/reps\/alex-kim\/records\/2026-11-22-session-prospecting-\w+\.md; continue with `coach session alex-kim --resume`/,
    );
    const [, draftPath] = sessionFiles(workspace);
    const draft = recordAt(draftPath!);
    expect(draft.record).toMatchObject({
      status: "draft",
      follow_ups: [{ action, status: "done" }],
      pending: { question: "squeezed", text: "Back-to-back de" },
    });
    // The 1:1 of 11-15 asked the first questions of the bank: this one rotates on to the next.
    expect(draft.record.answers!.map((a) => a.id)).toEqual(["goal", "preparation"]);
    // A draft never closes anything and never holds the plan.
    const open = await coach(["--json", "actions"], { workspace });
    expect(JSON.parse(open.stdout)).toEqual([expect.objectContaining({ id: action, status: "open" })]);
    expect(read(recordFiles(workspace, "alex-kim").find((f) => f.includes("-plan-"))!)).toContain("status: planned");

    const { squeezed: _typedLater, goal: _goal, preparation: _preparation, ...rest } = TYPED;
    const second = new ScriptedPrompter({ ...rest, add_action_1: false });
    const resumed = await coach(["session", "alex-kim", "--resume"], { workspace, prompter: second });

    expect(resumed.code, resumed.stderr).toBe(0);
    expect(second.asked[0]).toBe("squeezed");
    expect(second.asked).not.toContain(action);
    expect(sessionFiles(workspace)).toEqual([sessionFiles(workspace)[0], draftPath]);
    const done = recordAt(draftPath!);
    expect(done.record.status).toBe("completed");
    expect(done.record.pending).toBeUndefined();
    // The half-typed text came back as the answer's default.
    expect(done.record.answers!.find((a) => a.id === "squeezed")!.answer).toBe("Back-to-back de");
    expect(done.record.answers!.find((a) => a.id === "goal")!.answer).toBe(TYPED.goal);
    expect(JSON.parse((await coach(["--json", "actions"], { workspace })).stdout)).toEqual([]);
    expect(read(recordFiles(workspace, "alex-kim").find((f) => f.includes("-plan-"))!)).toContain("status: completed");
  });

  it("refuses to resume once the template no longer asks a question the draft answered, and keeps the draft", async () => {
    const workspace = await workspaceWithRep();
    const prompter = new CtrlCPrompter({ focus_choice: "keep", ...TYPED }, "recent_openings");
    const first = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(first.code, first.stderr).toBe(130);
    const [draftPath] = sessionFiles(workspace);
    const saved = read(draftPath!);
    expect(recordAt(draftPath!).record).toMatchObject({ template: "session-prospecting", answers: [{ id: "goal" }] });
    const builtIn = read(join(ROOT, "templates", "session", "session-prospecting.yaml"));
    const edited = builtIn.replace(/ {2}- id: goal\n(?: {4}.*\n)+/, "");
    expect(edited).not.toContain("id: goal\n");
    writeFile(join(workspace, "templates", "session", "session-prospecting.yaml"), edited);
    const resumed = await coach(["session", "alex-kim", "--resume"], {
      workspace,
      prompter: new ScriptedPrompter({ ...TYPED, add_action_1: false }),
    });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(
      /^error: reps\/alex-kim\/records\/[\w-]+\.md: the draft answers goal, which template 'session-prospecting' no longer asks; put it back in the template, or start afresh with `coach session alex-kim --template session-prospecting` and throw the draft away with `coach drafts discard [\w-]+`\n$/,
    );
    expect(read(draftPath!)).toBe(saved);
  });

  it("refuses to resume a session whose template is gone, and says to start afresh", async () => {
    const workspace = await workspaceWithRep();
    const own = join(workspace, "templates", "session", "session-our-own.yaml");
    const builtIn = read(join(ROOT, "templates", "session", "session-prospecting.yaml"));
    writeFile(own, builtIn.replace("id: session-prospecting", "id: session-our-own"));
    const prompter = new CtrlCPrompter({ ...TYPED }, "recent_openings");
    const first = await coach(["session", "alex-kim", "--template", "session-our-own"], { workspace, prompter });
    expect(first.code, first.stderr).toBe(130);
    const [draftPath] = sessionFiles(workspace);
    const saved = read(draftPath!);
    rmSync(own);
    const resumed = await coach(["session", "alex-kim", "--resume"], { workspace });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(
      /^error: reps\/alex-kim\/records\/[\w-]+\.md: the draft's template 'session-our-own' is no longer in the workspace; start afresh with `coach session alex-kim` and throw the draft away with `coach drafts discard [\w-]+`\n$/,
    );
    expect(read(draftPath!)).toBe(saved);
  });

  it("Ctrl-C while adding commitments keeps the ones already made, which count only once the session completes", async () => {
    const workspace = await workspaceWithRep();
    const prompter = new CtrlCPrompter({ ...TYPED, ...TWO_COMMITMENTS }, "action_2_due", "next fri");
    const cancelled = await coach(["session", "alex-kim"], { workspace, prompter });
    expect(cancelled.code).toBe(130);
    const draft = recordAt(sessionFiles(workspace)[0]!);
    expect(draft.record.actions!.map((a) => a.text)).toEqual(["Send the recap to Acme"]);
    expect(draft.record.pending).toEqual({ question: "action_2_due", text: "next fri" });
    const id = draft.record.actions![0]!.id;
    expect(JSON.parse((await coach(["--json", "actions", "--all"], { workspace })).stdout)).toEqual([]);
    const plan = await coach(["plan", "alex-kim", "--answers", answersFile(tempDir(), PROSPECTING_PLAN_ANSWERS)], {
      workspace,
    });
    expect(writtenRecord(plan)).toContain("## Follow up on open commitments\n\nNone open.");
    const refused = await coach(["actions", "done", id], { workspace });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("unfinished draft session");

    const resumed = await coach(["session", "alex-kim", "--resume"], {
      workspace,
      prompter: new ScriptedPrompter({ add_action_2: false }),
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    const listed = JSON.parse((await coach(["--json", "actions"], { workspace })).stdout) as { id: string }[];
    expect(listed.map((a) => a.id)).toEqual([id]);
  });

  it("Ctrl-C during the follow-ups keeps those answered, and closes none of them until the session completes", async () => {
    const workspace = await workspaceWithRep();
    const [a, b] = await holdSession(
      workspace,
      {
        actions: [
          { text: "One", due: "2026-11-18" },
          { text: "Two", due: "2026-11-19" },
        ],
      },
      ["--date", "2026-11-10"],
    );
    const cancelled = await coach(["session", "alex-kim"], {
      workspace,
      prompter: new CtrlCPrompter({ [a!]: "dropped" }, b!),
    });
    expect(cancelled.code).toBe(130);
    const draft = recordAt(sessionFiles(workspace)[1]!);
    expect(draft.record.follow_ups).toEqual([{ action: a, text: "One", status: "dropped" }]);
    expect(
      (JSON.parse((await coach(["--json", "actions"], { workspace })).stdout) as { id: string }[]).map((r) => r.id),
    ).toEqual([a, b]);

    const resumed = new ScriptedPrompter({ [b!]: "done", ...TYPED, add_action_1: false });
    expect((await coach(["session", "alex-kim", "--resume"], { workspace, prompter: resumed })).code).toBe(0);
    expect(resumed.asked[0]).toBe(b);
    const all = JSON.parse((await coach(["--json", "actions", "--all"], { workspace })).stdout) as {
      id: string;
      status: string;
    }[];
    expect(all.map((r) => [r.id, r.status])).toEqual(
      expect.arrayContaining([
        [a, "dropped"],
        [b, "done"],
      ]),
    );
    expect(all).toHaveLength(2);
  });

  it("half-typed text survives a second Ctrl-C that comes before its question is asked again", async () => {
    const workspace = await workspaceWithRep();
    expect(
      (
        await coach(["session", "alex-kim"], {
          workspace,
          prompter: new CtrlCPrompter(TYPED, "buyer_reaction", "They sa"),
        })
      ).code,
    ).toBe(130);
    const added = await coach(["actions", "add", "alex-kim", "Made since the draft"], { workspace });
    const second = new CtrlCPrompter({}, added.stdout.trim());
    expect((await coach(["session", "alex-kim", "--resume"], { workspace, prompter: second })).code).toBe(130);
    expect(recordAt(sessionFiles(workspace)[0]!).record.pending).toEqual({
      question: "buyer_reaction",
      text: "They sa",
    });
  });

  it("--resume without a draft is an error", async () => {
    const workspace = await workspaceWithRep();
    const result = await coach(["session", "alex-kim", "--resume"], { workspace, prompter: new ScriptedPrompter({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no draft session for alex-kim to resume");
  });
});

describe("coach session with --answers", () => {
  it("a back-dated session closes what it followed up on its own date", async () => {
    const workspace = await workspaceWithRep();
    const [a, b] = await holdSession(workspace, { actions: [{ text: "One" }, { text: "Two" }] }, [
      "--date",
      "2026-11-10",
    ]);
    await holdSession(workspace, { follow_ups: { [a!]: "done", [b!]: "dropped" } }, ["--date", "2026-11-18"]);
    const all = JSON.parse((await coach(["--json", "actions", "--all"], { workspace })).stdout) as {
      id: string;
      status: string;
      closed_on: string;
    }[];
    expect(all.map((x) => [x.id, x.status, x.closed_on]).sort()).toEqual(
      [
        [a, "done", "2026-11-18"],
        [b, "dropped", "2026-11-18"],
      ].sort(),
    );
  });

  it("a back-dated session does not follow up commitments made after it", async () => {
    const workspace = await workspaceWithRep();
    await holdSession(workspace, { actions: [{ text: "Made on the 20th" }] }, ["--date", "2026-11-20"]);
    const file = answersFile(tempDir(), PROSPECTING_SESSION_ANSWERS);
    const result = await coach(["session", "alex-kim", "--answers", file, "--date", "2026-11-18"], { workspace });
    expect(result.code, result.stderr).toBe(0);
  });

  it("reports missing follow-ups with the other missing answers, and writes nothing", async () => {
    const workspace = await workspaceWithRep();
    const [a] = await holdSession(workspace, { actions: [{ text: "One" }] }, ["--date", "2026-11-10"]);
    const { goal: _, ...rest } = PROSPECTING_SESSION_ANSWERS;
    const before = recordFiles(workspace, "alex-kim");
    const result = await coach(["session", "alex-kim", "--answers", answersFile(tempDir(), rest)], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`missing answers: ${a}, goal`);
    expect(recordFiles(workspace, "alex-kim")).toEqual(before);
  });

  it("refuses a commitment due date it cannot read, naming the forms, and writes nothing", async () => {
    const workspace = await workspaceWithRep();
    const file = answersFile(tempDir(), {
      ...PROSPECTING_SESSION_ANSWERS,
      actions: [
        { text: "Call", due: "2w" },
        { text: "Later", due: "soonish" },
      ],
    });
    const result = await coach(["session", "alex-kim", "--answers", file], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`actions[1].due: 'soonish' is not a date I know; use one of: ${WHEN_FORMS}`);
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });
});

describe("which plan and template a session follows", () => {
  it("--plan with an unknown id suggests the nearest plan", async () => {
    const workspace = await workspaceWithRep();
    const planId = await planFor(workspace);
    const result = await coach(["session", "alex-kim", "--plan", planId.slice(0, -1)], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`did you mean '${planId}'?`);
  });

  it("--plan latest with no plan waiting, and --plan of a plan already held, are errors", async () => {
    const workspace = await workspaceWithRep();
    const none = await coach(["session", "alex-kim", "--plan", "latest"], { workspace });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("alex-kim has no plan waiting to be held");
    const planId = await planFor(workspace);
    await holdSession(workspace);
    const held = await coach(["session", "alex-kim", "--plan", planId], { workspace });
    expect(held.code).toBe(2);
    expect(held.stderr).toMatch(new RegExp(`plan '${planId}' was already held in 2026-11-22-session-prospecting-\\w+`));
  });

  it("--template chooses the questions; the stage is the template's own", async () => {
    const workspace = await workspaceWithRep();
    const discovery = {
      goal: "g",
      last_call: "l",
      talk_share: "70%",
      paraphrased: "Played back the cost of the delays",
      rate_open_questions: 3,
      rate_listening: 2,
      silence: "s",
      options: ["o"],
      will: "w",
    };
    const result = await coach(
      [
        "--json",
        "session",
        "alex-kim",
        "--template",
        "session-discovery",
        "--answers",
        answersFile(tempDir(), discovery),
      ],
      { workspace },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(recordAt(sessionFiles(workspace)[0]!).record).toMatchObject({
      template: "session-discovery",
      stage: "discovery",
      plan: null,
      ratings: { "open-questions": 3, "active-listening": 2 },
    });
  });

  it("a plan's session template is used, and the plan is followed by default", async () => {
    const workspace = await workspaceWithRep();
    const planId = await planFor(workspace);
    const path = join(workspace, "reps", "alex-kim", "records");
    const ids = await holdSession(workspace);
    expect(ids).toEqual([]);
    const session = recordAt(join(path, readdirSync(path).find((f) => f.includes("-session-"))!));
    expect(session.record).toMatchObject({ plan: planId, template: "session-prospecting" });
  });
});
