import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseRecord } from "../../src/store/record-file.js";
import { coach, read, recordFiles, SELF_CHECK_ANSWERS, tempDir, writeFile } from "../helpers.js";

const COACH_YAML = `manager: Dana
stages:
  - id: scoping
    name: Scoping
    gates:
      - Buyer names the problem owner
      - { id: budget-range, text: "Buyer gives a budget range" }
    skills: [problem-framing, stakeholder-mapping]
  - id: proving
    name: Proving
    gates: ["Buyer agrees success criteria"]
    skills: [demo-storytelling]
`;

const SELF_CHECK = { ...SELF_CHECK_ANSWERS, self_expectation: "Runs scoping calls alone by January" };

async function customWorkspace(): Promise<string> {
  const workspace = tempDir();
  writeFile(join(workspace, "coach.yaml"), COACH_YAML);
  // with a goal of their own, the first 1:1 is about the first stage rather than the rep's goals
  expect((await coach(["rep", "add", "Alex Kim", "--goal", "Run scoping calls alone"], { workspace })).code).toBe(0);
  return workspace;
}

function records(workspace: string) {
  return recordFiles(workspace, "alex-kim").map((file) => {
    const parsed = parseRecord(read(file), file);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.value;
  });
}

describe("a process of your own, with no templates written for it", () => {
  it("plan and session use templates generated from the stage's gates and skills, and the plan says so", async () => {
    const workspace = await customWorkspace();
    const planAnswers = writeFile(
      join(workspace, "plan.yaml"),
      stringify({
        ...SELF_CHECK,
        outcome: "Names the problem owner on every first call",
        "gate-buyer-names-the-problem-owner": "Acme: the COO said she owns it",
        "gate-budget-range": "",
        observed: "Heard the Beta call on Tuesday",
        opening_question: "Who owned the problem on your last three calls?",
      }),
    );
    const plan = await coach(["plan", "alex-kim", "--answers", planAnswers], { workspace });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout.replace(/\s+/g, " ")).toContain(
      "The plan template plan-scoping and the session template session-scoping were generated from the gates and skills of Scoping in coach.yaml",
    );
    expect(plan.stdout).toContain("Rate together: how well do you do problem framing at Scoping today");

    const sessionAnswers = writeFile(
      join(workspace, "session.yaml"),
      stringify({
        goal: "Get a budget range on first calls",
        "gate-buyer-names-the-problem-owner": "Acme COO owns it",
        "rate-problem-framing": 3,
        "rate-stakeholder-mapping": 2,
        options: "ask about last year's spend; offer ranges",
        will: "Ask the Beta COO on Thursday",
        actions: [{ text: "Ask Beta for a budget range", due: "friday" }],
      }),
    );
    const session = await coach(["session", "alex-kim", "--answers", sessionAnswers], { workspace });
    expect(session.code, session.stderr).toBe(0);
    const held = records(workspace).find((r) => r.record.type === "session")!;
    expect(held.record).toMatchObject({
      template: "session-scoping",
      stage: "scoping",
      ratings: { "problem-framing": 3, "stakeholder-mapping": 2 },
    });
    const listed = await coach(["--json", "templates", "list", "--stage", "proving"], { workspace });
    const summaries = JSON.parse(listed.stdout) as { id: string; source: string; generated?: boolean }[];
    // DESIGN.md's contract: `source` is `built-in` or the file path; a generated one says so beside it
    expect(summaries.filter((t) => t.generated)).toMatchObject([
      { id: "plan-proving", source: "built-in" },
      { id: "session-proving", source: "built-in" },
    ]);
    expect(summaries.every((t) => t.source === "built-in" || t.source.startsWith(workspace))).toBe(true);
    const table = await coach(["templates", "list", "--stage", "proving", "--kind", "plan"], { workspace });
    expect(table.stdout).toMatch(/plan-proving\s+plan\s+proving\s+training\s+skillset\s+generated/);
  });

  it("a template the team writes for the stage takes the place of the generated one", async () => {
    const workspace = await customWorkspace();
    writeFile(
      join(workspace, "templates", "session", "scoping-talk.yaml"),
      "id: scoping-talk\ntitle: Our scoping talk\nkind: session\nstages: [scoping]\ncoaching_kind: training\n" +
        "focus: skillset\nquestions:\n  - { id: goal, prompt: What is your goal?, grow: goal }\n",
    );
    const listed = await coach(["--json", "templates", "list", "--stage", "scoping", "--kind", "session"], {
      workspace,
    });
    expect(JSON.parse(listed.stdout).map((t: { id: string }) => t.id)).not.toContain("session-scoping");
    expect(JSON.parse(listed.stdout).map((t: { id: string }) => t.id)).toContain("scoping-talk");
  });

  it("the week's routine names each skill with no drill and how to add one; a drill of its stage says so too", async () => {
    const workspace = await customWorkspace();
    const week = await coach(["drill", "--week"], { workspace });
    expect(week.code, week.stderr).toBe(0);
    expect(week.stdout).toContain(
      "No drill yet for problem-framing (scoping), stakeholder-mapping (scoping), demo-storytelling (proving)",
    );
    expect(week.stdout).toContain(
      "  problem-framing: add templates/drill/drill-problem-framing.yaml with rounds whose skill is problem-framing",
    );
    const json = JSON.parse((await coach(["--json", "drill", "--week"], { workspace })).stdout);
    expect(json.no_drill).toEqual([
      { skill: "problem-framing", stage: "scoping" },
      { skill: "stakeholder-mapping", stage: "scoping" },
      { skill: "demo-storytelling", stage: "proving" },
    ]);
    const scores = writeFile(
      join(workspace, "r.yaml"),
      stringify({ rounds: [{ score: 3 }, { score: 3 }, { score: 3 }] }),
    );
    const drill = await coach(["drill", "alex-kim", "--stage", "scoping", "--answers", scores], { workspace });
    expect(drill.code, drill.stderr).toBe(0);
    expect(drill.stderr).toContain(
      "warning: no drill trains the skills of scoping yet (problem-framing, stakeholder-mapping)",
    );
  });
});
