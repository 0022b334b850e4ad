import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRecord } from "../../src/store/record-file.js";
import { PromptCancelled, type Prompter } from "../../src/ui/prompter.js";
import { ScriptedPrompter } from "../../src/ui/scripted-prompter.js";
import {
  coach,
  PLAN_ANSWERS_IN_A_TERMINAL as PROSPECTING_PLAN_ANSWERS,
  ROOT,
  read,
  recordFiles,
  tempDir,
  writeFile,
} from "../helpers.js";
import { repProfile, session, writeHistory } from "../history.js";

/** A person who answers some questions and then presses Ctrl-C. */
function interruptAfter(count: number, answers: Record<string, unknown>): Prompter {
  const scripted = new ScriptedPrompter(answers);
  let asked = 0;
  const guard =
    <A extends unknown[], R>(ask: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (asked++ >= count) throw new PromptCancelled();
      return ask.apply(scripted, args);
    };
  return {
    input: guard(scripted.input),
    editor: guard(scripted.editor),
    select: guard(scripted.select),
    checkbox: guard(scripted.checkbox),
    confirm: guard(scripted.confirm),
    number: guard(scripted.number),
    pendingText: () => "half a thought",
  };
}

function frontMatter(path: string) {
  const parsed = parseRecord(read(path), path);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value.record;
}

/** Alex Kim's first plan, begun with `flags` and interrupted after `prompts` prompts: the draft's path. */
async function interruptedPlan(workspace: string, flags: string[], prompts: number): Promise<string> {
  await coach(["rep", "add", "Alex Kim", "--goal", "Run discovery alone"], { workspace });
  const started = await coach(["plan", "alex-kim", ...flags], {
    workspace,
    prompter: interruptAfter(prompts, { manager_name: "Pat Doe", ...PROSPECTING_PLAN_ANSWERS }),
  });
  expect(started.code).toBe(130);
  return recordFiles(workspace, "alex-kim")[0]!;
}

/** A built-in plan template's text, to write into a workspace changed. */
const builtInPlan = (id: string) => read(join(ROOT, "templates", "plan", `${id}.yaml`));

describe("coach plan", () => {
  it("offers to add an unknown rep, then walks the plan questions and writes the plan", async () => {
    const workspace = tempDir();
    const prompter = new ScriptedPrompter({
      manager_name: "Pat Doe",
      add_rep: true,
      rep_name: "Alex Kim",
      rep_role: "AE",
      rep_style: "analytical",
      rep_goals: "Lead a team; Win Acme",
      ...PROSPECTING_PLAN_ANSWERS,
    });
    const result = await coach(["plan", "alex-kim"], { workspace, prompter });
    expect(result.stderr).toContain("Added Alex Kim as 'alex-kim'");
    expect(result.code).toBe(0);
    // A new user is asked their name once; it goes into coach.yaml, whose comments stay.
    expect(read(join(workspace, "coach.yaml"))).toMatch(/^# coach workspace settings[\s\S]*\nmanager: Pat Doe\n/);
    expect(result.stderr).toContain(`Saved your name in ${join(workspace, "coach.yaml")}`);
    expect(prompter.asked.slice(0, 7)).toEqual([
      "manager_name",
      "add_rep",
      "rep_name",
      "rep_role",
      "rep_style",
      "rep_goals",
      "self_coaching_works",
    ]);
    const [file] = recordFiles(workspace, "alex-kim");
    const record = frontMatter(file!);
    expect(record).toMatchObject({
      type: "plan",
      status: "planned",
      stage: "prospecting",
      template: "plan-prospecting",
      session_template: "session-prospecting",
    });
    expect(record.answers!.find((a) => a.id === "outcome")?.answer).toBe(PROSPECTING_PLAN_ANSWERS.outcome);
    const body = read(file!);
    expect(body).toContain("**Focus:** Prospecting: picked as the first stage of your process");
    expect(body).toContain("## Adapting to Alex Kim (analytical)");
    expect(body).toContain("- Win Acme");
    expect(body).toContain("## Questions to ask");
    // The screen is a compact agenda ending with the cautions and the record's path.
    expect(result.stdout).toMatch(/^1:1 plan: Alex Kim, 2026-11-22\. Focus: Prospecting/);
    expect(result.stdout).toContain("Adapting to Alex Kim (analytical)");
    expect(result.stdout).not.toContain("## ");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(`Full plan: ${file}`);
    // asked once: the next plan does not ask again
    expect((await coach(["plan", "alex-kim", "--stage", "discovery"], { workspace, prompter })).code).toBe(0);
    expect(prompter.asked.filter((id) => id === "manager_name")).toHaveLength(1);
  });

  it("never asks the manager's name of a script (--answers), and Enter skips it at a terminal", async () => {
    const workspace = tempDir();
    await coach(["init", workspace]);
    await coach(["rep", "add", "Alex Kim", "--goal", "Win Acme"], { workspace });
    const answers = writeFile(join(workspace, "prep.yaml"), JSON.stringify(PROSPECTING_PLAN_ANSWERS));
    const scripted = new ScriptedPrompter({});
    expect((await coach(["plan", "alex-kim", "--answers", answers], { workspace, prompter: scripted })).code).toBe(0);
    expect(scripted.asked).not.toContain("manager_name");
    const person = new ScriptedPrompter({ manager_name: "", ...PROSPECTING_PLAN_ANSWERS });
    expect((await coach(["plan", "alex-kim"], { workspace, prompter: person })).code).toBe(0);
    expect(person.asked[0]).toBe("manager_name");
    expect(read(join(workspace, "coach.yaml"))).toContain('manager: ""');
  });

  it("chooses the rep from a list when none is named", async () => {
    const workspace = tempDir();
    await coach(["rep", "add", "Alex Kim"], { workspace });
    await coach(["rep", "add", "Sam Lee", "--focus", "discovery", "--goal", "Run discovery alone"], { workspace });
    const prompter = new ScriptedPrompter({
      rep: "sam-lee",
      ...PROSPECTING_PLAN_ANSWERS,
      gate_evidence: "x",
      observed: "y",
      opening_question: "z",
    });
    const result = await coach(["plan"], { workspace, prompter });
    expect(result.stderr).toContain("Planning a 1:1 with Sam Lee. Focus: Discovery (Sam Lee's profile focus stage).");
    expect(result.code).toBe(0);
    expect(frontMatter(recordFiles(workspace, "sam-lee")[0]!)).toMatchObject({
      stage: "discovery",
      reason: "Sam Lee's profile focus stage",
    });
  });

  it("saves a draft on Ctrl-C with what was answered, exits 130, and resumes into the same file", async () => {
    const workspace = tempDir();
    await coach(["rep", "add", "Alex Kim", "--goal", "Run discovery alone"], { workspace });
    const interrupted = await coach(["plan", "alex-kim"], {
      workspace,
      // the first prompt is the manager's name, then the plan's questions
      prompter: interruptAfter(10, { manager_name: "Pat Doe", ...PROSPECTING_PLAN_ANSWERS }),
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(
      new RegExp(
        `draft ${workspace}/reps/alex-kim/records/2026-11-22-plan-prospecting-\\w+\\.md; continue with \`coach plan alex-kim --resume\``,
      ),
    );
    const [draft] = recordFiles(workspace, "alex-kim");
    const saved = frontMatter(draft!);
    expect(saved.status).toBe("draft");
    expect(saved.answers!.map((a) => a.id)).toEqual([
      "self_coaching_works",
      "self_can_coach",
      "self_integrity",
      "self_believe",
      "self_ask",
      "self_hands_off",
      "self_time",
      "self_expectation",
      "outcome",
    ]);
    // The answer being typed when Ctrl-C came is kept too, and offered again on resume.
    expect(saved.pending).toEqual({ question: "gate_evidence", text: "half a thought" });

    const { gate_evidence: _, ...rest } = PROSPECTING_PLAN_ANSWERS;
    const prompter = new ScriptedPrompter(rest);
    const resumed = await coach(["plan", "alex-kim", "--resume"], { workspace, prompter });
    expect(resumed.code).toBe(0);
    expect(prompter.asked).toEqual(["gate_evidence", "observed", "opening_question", "rep_goal", "rep_mindset"]);
    expect(recordFiles(workspace, "alex-kim")).toEqual([draft]);
    const completed = frontMatter(draft!);
    expect(completed.status).toBe("planned");
    expect(completed.reason).toBe(
      "picked as the first stage of your process, since Alex Kim has no sessions yet; pick another with `coach plan alex-kim --stage discovery`",
    );
    expect(completed.answers!.find((a) => a.id === "gate_evidence")?.answer).toBe("half a thought");
  });

  it("a resumed plan keeps the draft's template, so each answer stays under the question it answered", async () => {
    const workspace = tempDir();
    const draft = await interruptedPlan(workspace, ["--template", "plan-qualification"], 11);
    const asked = (path: string) => frontMatter(path).answers!.find((a) => a.id === "gate_evidence")!;
    const before = asked(draft);

    for (const flags of [
      ["--stage", "discovery"],
      ["--template", "plan-prospecting"],
    ]) {
      const mixed = await coach(["plan", "alex-kim", "--resume", ...flags], { workspace });
      expect(mixed).toMatchObject({ code: 2, stdout: "" });
      expect(mixed.stderr).toBe(
        "error: --resume continues the draft's own stage and template; leave out --stage and --template\n",
      );
    }

    const prompter = new ScriptedPrompter(PROSPECTING_PLAN_ANSWERS);
    const resumed = await coach(["plan", "alex-kim", "--resume"], { workspace, prompter });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(frontMatter(draft)).toMatchObject({ status: "planned", template: "plan-qualification" });
    expect(asked(draft)).toEqual(before);
    expect(before.prompt).toContain("which of the four agreements has the buyer actually confirmed");
  });

  it("refuses to resume once the template no longer asks a question the draft answered, and keeps the draft", async () => {
    const workspace = tempDir();
    const draft = await interruptedPlan(workspace, [], 11);
    const saved = read(draft);
    writeFile(
      join(workspace, "templates", "plan", "plan-prospecting.yaml"),
      builtInPlan("plan-prospecting").replace(/ {2}- id: outcome\n(?: {4}.*\n)+/, ""),
    );
    const resumed = await coach(["plan", "alex-kim", "--resume"], {
      workspace,
      prompter: new ScriptedPrompter(PROSPECTING_PLAN_ANSWERS),
    });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(
      /^error: reps\/alex-kim\/records\/[\w-]+\.md: the draft answers outcome, which template 'plan-prospecting' no longer asks; put it back in the template, or start afresh with `coach plan alex-kim --template plan-prospecting` and throw the draft away with `coach drafts discard [\w-]+`\n$/,
    );
    expect(read(draft)).toBe(saved);
  });

  it("a resumed plan keeps the session it named, even where the mindset session would now come first", async () => {
    const workspace = tempDir();
    writeHistory(
      workspace,
      [repProfile("alex-kim", { added: "2026-11-01" })],
      [session("alex-kim", "2026-11-15", { stage: "prospecting", ratings: { "self-talk": 1 } })],
    );
    const started = await coach(["plan", "alex-kim", "--stage", "prospecting"], {
      workspace,
      prompter: interruptAfter(10, { manager_name: "Pat Doe", ...PROSPECTING_PLAN_ANSWERS }),
    });
    expect(started.code).toBe(130);
    const [draft] = recordFiles(workspace, "alex-kim").filter((file) => file.includes("-plan-"));
    expect(frontMatter(draft!).session_template).toBe("session-prospecting");
    const resumed = await coach(["plan", "alex-kim", "--resume"], {
      workspace,
      prompter: new ScriptedPrompter(PROSPECTING_PLAN_ANSWERS),
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(frontMatter(draft!)).toMatchObject({ status: "planned", session_template: "session-prospecting" });
    expect(read(draft!)).not.toContain("mindset session comes first");
  });

  it("counts a question the edited template now asks only on another answer as no longer asked", async () => {
    const workspace = tempDir();
    const draft = await interruptedPlan(workspace, [], 12);
    expect(frontMatter(draft).answers!.map((a) => a.id)).toContain("observed");
    const conditional = builtInPlan("plan-prospecting").replace(
      "  - id: observed\n",
      "  - id: observed\n    when: { question: outcome, equals: never }\n",
    );
    writeFile(join(workspace, "templates", "plan", "plan-prospecting.yaml"), conditional);
    const resumed = await coach(["plan", "alex-kim", "--resume"], { workspace });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain("the draft answers observed, which template 'plan-prospecting' no longer asks");
  });

  it("refuses to resume a plan whose template is gone, and says to start afresh", async () => {
    const workspace = tempDir();
    const own = join(workspace, "templates", "plan", "plan-our-own.yaml");
    writeFile(own, builtInPlan("plan-prospecting").replace("id: plan-prospecting", "id: plan-our-own"));
    const draft = await interruptedPlan(workspace, ["--template", "plan-our-own"], 11);
    const saved = read(draft);
    rmSync(own);
    const resumed = await coach(["plan", "alex-kim", "--resume"], { workspace });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(
      /^error: reps\/alex-kim\/records\/[\w-]+\.md: the draft's template 'plan-our-own' is no longer in the workspace; start afresh with `coach plan alex-kim` and throw the draft away with `coach drafts discard [\w-]+`\n$/,
    );
    expect(read(draft)).toBe(saved);
  });

  it("saves no draft on Ctrl-C before any question was answered, and says nothing was saved", async () => {
    const workspace = tempDir();
    await coach(["rep", "add", "Alex Kim", "--goal", "Run discovery alone"], { workspace });
    const interrupted = await coach(["plan", "alex-kim"], {
      workspace,
      // the manager's name comes before the plan; the plan's first question is cut off with nothing typed
      prompter: { ...interruptAfter(1, { manager_name: "Pat Doe" }), pendingText: () => undefined },
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain("error: interrupted before anything was answered; nothing was saved\n");
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
    expect(JSON.parse((await coach(["--json", "drafts"], { workspace })).stdout)).toEqual([]);
  });

  it("refuses --resume when there is no draft", async () => {
    const workspace = tempDir();
    await coach(["rep", "add", "Alex Kim"], { workspace });
    const result = await coach(["plan", "alex-kim", "--resume"], { workspace, prompter: new ScriptedPrompter({}) });
    expect(result).toMatchObject({
      code: 2,
      stderr: "error: no draft plan for alex-kim to resume; start one with `coach plan alex-kim`\n",
    });
  });

  it("uses the workspace's own template for a stage and validates unknown stages", async () => {
    const workspace = tempDir();
    await coach(["init", workspace]);
    await coach(["rep", "add", "Alex Kim"], { workspace });
    writeFile(
      join(workspace, "templates/plan/our-discovery.yaml"),
      "id: our-discovery\ntitle: Our discovery prep\nkind: plan\nstages: [discovery]\ncoaching_kind: training\nfocus: skillset\nquestions:\n  - id: call\n    prompt: Which call will you listen to?\n",
    );
    const prompter = new ScriptedPrompter({ ...PROSPECTING_PLAN_ANSWERS, call: "Acme, Tuesday" });
    const result = await coach(["plan", "alex-kim", "--stage", "discovery"], { workspace, prompter });
    expect(result.code).toBe(0);
    expect(frontMatter(recordFiles(workspace, "alex-kim")[0]!)).toMatchObject({
      template: "our-discovery",
      stage: "discovery",
    });

    const bad = await coach(["plan", "alex-kim", "--stage", "discovry"], { workspace, prompter });
    expect(bad).toMatchObject({ code: 2, stderr: "error: no stage 'discovry'; did you mean 'discovery'?\n" });
  });

  it("creates the per-user default workspace on first write, with private files", async () => {
    const home = tempDir();
    const result = await coach(["rep", "add", "Alex Kim"], { cwd: home, env: { XDG_DATA_HOME: join(home, "data") } });
    expect(result.code).toBe(0);
    const root = join(home, "data", "coach");
    expect(read(join(root, "coach.yaml"))).toContain("one_on_one_days: 7");
    expect(statSync(join(root, "reps", "alex-kim", "rep.yaml")).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, "reps", "alex-kim")).mode & 0o777).toBe(0o700);
  });
});
