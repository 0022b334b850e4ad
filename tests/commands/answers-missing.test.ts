import { describe, expect, it } from "vitest";
import type { MissingQuestion } from "../../src/domain/questions.js";
import { parseRecord } from "../../src/store/record-file.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import { coach, read, recordFiles, tempDir } from "../helpers.js";
import { answersFile, CtrlCPrompter, holdSession, workspaceWithRep } from "../session-fixtures.js";

type Answers = Record<string, unknown>;

/** What a script writes for one missing entry, knowing only the entry (its type, choices, range). */
function answerFor(entry: MissingQuestion): unknown {
  if (entry.choices) return entry.type === "multi" ? [entry.choices[0]] : entry.choices[0];
  const byType: Record<string, unknown> = {
    confirm: true,
    scale: entry.min ?? 1,
    number: entry.min ?? 1,
    date: "friday",
    list: ["one thing"],
  };
  return entry.type in byType ? byType[entry.type] : "an answer";
}

/** Adds each missing answer where its `key` says it goes: a script's whole job, done from the list alone. */
function completeFrom(missing: MissingQuestion[], answers: Answers): Answers {
  const done: Answers = structuredClone(answers);
  for (const entry of missing) {
    const value = answerFor(entry);
    if (!entry.key) done[entry.id] = value;
    else if (entry.key === "follow_ups") done.follow_ups = { ...(done.follow_ups as Answers), [entry.id]: value };
    else if (entry.key === "focus_choice") done.focus_choice = value;
    else if (entry.key === "rounds") {
      const rounds = (done.rounds ?? []) as Answers[];
      const index = Number(entry.id.replace("round-", "")) - 1;
      while (rounds.length <= index) rounds.push({});
      const scored = rounds[index]!.score as Answers | undefined;
      rounds[index]!.score = entry.reps
        ? { ...scored, ...Object.fromEntries(entry.reps.map((r) => [r, value])) }
        : value;
      done.rounds = rounds;
    } else throw new Error(`no way to answer ${JSON.stringify(entry)}`);
  }
  return done;
}

async function missingOf(argv: string[], workspace: string): Promise<MissingQuestion[]> {
  const result = await coach(["--json", ...argv], { workspace });
  expect(result.code, result.stderr).toBe(2);
  const { error } = JSON.parse(result.stderr) as { error: { code: string; missing: MissingQuestion[] } };
  expect(error.code).toBe("missing_answers");
  return error.missing;
}

function sessionRecords(workspace: string) {
  return recordFiles(workspace, "alex-kim")
    .filter((f) => f.includes("-session-"))
    .map((file) => {
      const parsed = parseRecord(read(file), file);
      if (!parsed.ok) throw new Error(parsed.problem);
      return parsed.value.record;
    });
}

describe("a run without a terminal reports every missing answer at once, each with its key", () => {
  it("a script completes a session, follow-ups included, from the `missing` list alone", async () => {
    const workspace = await workspaceWithRep();
    const [a, b] = await holdSession(workspace, { actions: [{ text: "One" }, { text: "Two" }] }, [
      "--date",
      "2026-11-10",
    ]);
    const given = { goal: "More first meetings", follow_ups: { [a!]: "done" } };
    const file = answersFile(tempDir(), given);

    const missing = await missingOf(["session", "alex-kim", "--answers", file], workspace);
    // One pass: the follow-up not given, then every template question without a default.
    expect(missing[0]).toMatchObject({
      id: b,
      key: "follow_ups",
      type: "choice",
      choices: ["done", "tried", "open", "dropped"],
    });
    expect(missing.slice(1).map((m) => m.key)).toEqual(missing.slice(1).map(() => undefined));
    // The bank's questions are optional: only the required ones are missing.
    expect(missing.map((m) => m.id)).toEqual([b, "rate_opening", "rate_planning", "self_talk", "options", "will"]);
    expect(sessionRecords(workspace)).toHaveLength(1);

    const complete = answersFile(tempDir(), completeFrom(missing, given), "complete.yaml");
    const result = await coach(["--json", "session", "alex-kim", "--answers", complete], { workspace });
    expect(result.code, result.stderr).toBe(0);
    const session = sessionRecords(workspace)[1]!;
    expect(session.follow_ups!.map((f) => [f.action, f.status])).toEqual([
      [a, "done"],
      [b, "done"],
    ]);
    expect(session.ratings).toEqual({ "opening-statement": 1, "pre-call-planning": 1 });
  });

  it("a script completes a clinic drill from the `missing` list alone, rep by rep", async () => {
    const workspace = tempDir();
    for (const name of ["Alex Kim", "Sam Lee"]) await coach(["rep", "add", name], { workspace });
    const argv = ["drill", "alex-kim", "sam-lee", "--template", "drill-objection-handling"];
    const given = { rounds: [{ score: { "alex-kim": 4 } }] };
    const missing = await missingOf([...argv, "--answers", answersFile(tempDir(), given)], workspace);
    expect(missing.map((m) => [m.id, m.key, m.reps])).toEqual([
      ["round-1", "rounds", ["sam-lee"]],
      ["round-2", "rounds", ["alex-kim", "sam-lee"]],
      ["round-3", "rounds", ["alex-kim", "sam-lee"]],
    ]);
    const complete = answersFile(tempDir(), completeFrom(missing, given), "complete.yaml");
    const result = await coach(["--json", ...argv, "--answers", complete], { workspace });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { written: string[] }).written).toHaveLength(2);
  });

  it("an answer that fails its check names the file and where the answer sits", async () => {
    const workspace = await workspaceWithRep();
    const [a] = await holdSession(workspace, { actions: [{ text: "One" }] }, ["--date", "2026-11-10"]);
    const file = answersFile(tempDir(), { follow_ups: { [a!]: { status: "open", due: "someday" } } });
    const result = await coach(["session", "alex-kim", "--answers", file], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: follow_ups.${a}.due: 'someday' is not a date I know`);
  });
});

describe("a follow-up left open", () => {
  it("takes a note and a new due date from an answers file, and records both", async () => {
    const workspace = await workspaceWithRep();
    const [a] = await holdSession(workspace, { actions: [{ text: "One", due: "2026-11-20" }] }, [
      "--date",
      "2026-11-10",
    ]);
    await holdSession(workspace, { follow_ups: { [a!]: { status: "open", note: "Acme is away", due: "2026-12-04" } } });
    expect(sessionRecords(workspace)[1]!.follow_ups).toEqual([
      { action: a, text: "One", status: "open", note: "Acme is away", due: "2026-12-04" },
    ]);
  });
});

describe("the focus choice", () => {
  async function sessionChoosing(choice: string | undefined, workspace?: string) {
    const ws = workspace ?? (await workspaceWithRep());
    const given = choice === undefined ? {} : { focus_choice: choice };
    const missing = await missingOf(["session", "alex-kim", "--answers", answersFile(tempDir(), given)], ws);
    const file = answersFile(tempDir(), completeFrom(missing, given), "complete.yaml");
    const result = await coach(["session", "alex-kim", "--answers", file], { workspace: ws });
    expect(result.code, result.stderr).toBe(0);
    return sessionRecords(ws).at(-1)!;
  }

  it("keep (the default) holds the suggested focus, chosen by the tool", async () => {
    expect(await sessionChoosing(undefined)).toMatchObject({
      stage: "prospecting",
      template: "session-prospecting",
      focus_chosen_by: "tool",
    });
    expect(await sessionChoosing("keep")).toMatchObject({ template: "session-prospecting", focus_chosen_by: "tool" });
  });

  it("a stage id holds that stage's session, chosen by the rep", async () => {
    expect(await sessionChoosing("negotiation")).toMatchObject({
      stage: "negotiation",
      template: "session-negotiation",
      focus_chosen_by: "rep",
    });
  });

  it("a skill id holds the session of the stage that practises it; a core skill, the mindset session", async () => {
    expect(await sessionChoosing("active-listening")).toMatchObject({
      stage: "discovery",
      template: "session-discovery",
      focus_chosen_by: "rep",
    });
    expect(await sessionChoosing("self-talk")).toMatchObject({ template: "session-mindset", focus_chosen_by: "rep" });
  });

  it("--template is the manager's choice, and the focus is not asked", async () => {
    const workspace = await workspaceWithRep();
    const given = { focus_choice: "negotiation" };
    const argv = ["session", "alex-kim", "--template", "session-discovery"];
    const missing = await missingOf([...argv, "--answers", answersFile(tempDir(), given)], workspace);
    expect(missing.map((m) => m.id)).not.toContain("focus_choice");
    const result = await coach([...argv, "--answers", answersFile(tempDir(), completeFrom(missing, given))], {
      workspace,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(sessionRecords(workspace)[0]).toMatchObject({ template: "session-discovery", focus_chosen_by: "manager" });
  });

  it("an unknown choice is exit 2 naming the choices", async () => {
    const workspace = await workspaceWithRep();
    const file = answersFile(tempDir(), { focus_choice: "haggling" });
    const result = await coach(["session", "alex-kim", "--answers", file], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/answers\.yaml: focus_choice: expected one of keep, g1, prospecting, discovery, /);
  });

  it("at a narrow terminal the opening lines wrap between words", async () => {
    const workspace = await workspaceWithRep();
    const prompter = new CtrlCPrompter({ focus_choice: "keep" }, "goal", "");
    const result = await coach(["session", "alex-kim"], { workspace, prompter, columns: 40 });
    const opening = result.stderr.slice(0, result.stderr.indexOf("stage.") + "stage.".length).split("\n");
    expect(opening.length).toBeGreaterThan(2);
    for (const line of opening) expect(line.length).toBeLessThanOrEqual(40);
    expect(opening.join(" ")).toMatch(
      /^1:1 with Alex Kim, 2026-11-22: no plan to follow; focus Prospecting: Alex Kim's profile focus stage\.$/,
    );
  });

  it("at a terminal it comes first, after the suggestion and why; a resumed draft keeps the rep's choice", async () => {
    const workspace = await workspaceWithRep();
    const first = new CtrlCPrompter({ focus_choice: "discovery", goal: "Listen more" }, "last_call", "They talk");
    const cancelled = await coach(["session", "alex-kim"], { workspace, prompter: first });
    expect(cancelled.code).toBe(130);
    expect(first.asked.slice(0, 2)).toEqual(["focus_choice", "goal"]);
    expect(cancelled.stderr).toMatch(/1:1 with Alex Kim, 2026-11-22: no plan to follow; focus Prospecting: /);
    expect(sessionRecords(workspace)[0]).toMatchObject({
      status: "draft",
      template: "session-discovery",
      focus_chosen_by: "rep",
      pending: { question: "last_call", text: "They talk" },
    });

    const second = new ScriptedPrompter({
      last_call: "They talk",
      talk_share: "70%",
      rate_open_questions: "3",
      rate_listening: "2",
      silence: "s",
      options: "o",
      paraphrase_now: "p",
      next_questions: "n",
      will: "w",
      evidence: "e",
      add_action_1: false,
    });
    const resumed = await coach(["session", "alex-kim", "--resume"], { workspace, prompter: second });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(second.asked).not.toContain("focus_choice");
    expect(sessionRecords(workspace)[0]).toMatchObject({ status: "completed", focus_chosen_by: "rep" });
  });
});

describe("--answers at a terminal", () => {
  it("the file answers what it has and the person the rest", async () => {
    const workspace = await workspaceWithRep();
    const file = answersFile(tempDir(), { focus_choice: "keep", goal: "More first meetings", try_aloud: "t" });
    const prompter = new ScriptedPrompter({
      recent_openings: "r",
      buyer_reaction: "b",
      rate_opening: "2",
      rate_planning: "4",
      self_talk: "s",
      options: "o",
      five_minutes: "f",
      will: "w",
      evidence: "e",
      add_action_1: false,
    });
    const result = await coach(["session", "alex-kim", "--answers", file], { workspace, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked).not.toContain("goal");
    expect(prompter.asked).not.toContain("focus_choice");
    expect(prompter.asked).not.toContain("try_aloud");
    expect(prompter.asked[0]).toBe("recent_openings");
  });
});
