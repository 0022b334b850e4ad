import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, tempDir, writeFile } from "../helpers.js";

const BROKEN_CONFIG = `managr: Dana
stage:
  - id: scoping
    name: Scoping
cadence:
  one_on_one_days: 7
  drill_dayz: 5
`;

const GOOD_CONFIG = `manager: Dana
stages:
  - id: scoping
    name: Scoping
    skills: [framing]
`;

/**
 * Mistakes: an id that is not the file name, a drill filed under session/ and without rounds, an unknown stage,
 * a misspelt value, and a misspelt key.
 */
const FOUR_MISTAKES = `id: wrong-name
title: Our scoping talk
kind: drill
stages: [scopin]
coaching_kind: traning
focus: skillset
questions:
  - id: q
    promt: What did the buyer say?
`;

describe("coach templates validate", () => {
  it("checks coach.yaml too and reports every problem of every file in one run, each at its line", async () => {
    const workspace = tempDir();
    const config = writeFile(join(workspace, "coach.yaml"), BROKEN_CONFIG);
    const template = writeFile(join(workspace, "templates", "session", "my-session.yaml"), FOUR_MISTAKES);
    const broken = await coach(["templates", "validate"], { workspace });
    expect(broken.code).toBe(2);
    expect(broken.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${config}:1:1: managr: unknown key; did you mean 'manager'?`,
      `error: ${config}:2:1: stage: unknown key; did you mean 'stages'?`,
      `error: ${config}:7:3: cadence.drill_dayz: unknown key; did you mean 'drill_days'?`,
      `error: ${template}:1:1: rounds: a drill template needs at least one round`,
      `error: ${template}:1:1: id 'wrong-name' does not match the file name 'my-session'; rename the file to wrong-name.yaml or change the id`,
      `error: ${template}:3:1: kind 'drill' does not match its folder session/; move it to templates/drill/ or change the kind`,
      `error: ${template}:5:16: coaching_kind: 'traning' is not one of advisor, performance, deal, training; did you mean 'training'?`,
      `error: ${template}:9:5: questions.0.promt: unknown key; did you mean 'prompt'?`,
      "error: 8 problem(s) in 2 of 2 file(s); stages and skills in templates are checked once coach.yaml is fixed; fix each file:line:col above",
    ]);

    writeFile(config, GOOD_CONFIG);
    const fixedConfig = await coach(["--json", "templates", "validate"], { workspace });
    expect(fixedConfig.code).toBe(2);
    const { problems } = JSON.parse(fixedConfig.stderr).error;
    expect(problems).toHaveLength(6);
    expect(problems[3]).toBe(`${template}:4:1: stage 'scopin' is not in coach.yaml; did you mean 'scoping'?`);
  });

  it("reports a wrong ask: count together with the template's other problems", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), GOOD_CONFIG);
    const template = writeFile(
      join(workspace, "templates", "session", "bank.yaml"),
      [
        "id: bank",
        "title: A bank of reality questions",
        "kind: session",
        "stages: [scoping]",
        "coaching_kind: traning",
        "focus: skillset",
        "ask: { reality: 3 }",
        "questions:",
        "  - { id: r1, grow: reality, prompt: What happened? }",
        "  - { id: r2, grow: reality, required: false, promt: Who talked? }",
        "",
      ].join("\n"),
    );
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${template}:5:16: coaching_kind: 'traning' is not one of advisor, performance, deal, training; did you mean 'training'?`,
      `error: ${template}:7:17: ask.reality: asks 3 reality questions but the step has 2 (without a 'when'); lower it to 2 or add questions with grow: reality`,
      `error: ${template}:10:47: questions.1.promt: unknown key; did you mean 'prompt'?`,
      "error: 3 problem(s) in 1 of 2 file(s); fix each file:line:col above",
    ]);
  });

  it("reports a duplicate question id together with a misspelt key, at the duplicate id", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), GOOD_CONFIG);
    const template = writeFile(
      join(workspace, "templates", "session", "dup.yaml"),
      [
        "id: dup",
        "titel: Two questions, one id",
        "kind: session",
        "stages: [scoping]",
        "coaching_kind: training",
        "focus: skillset",
        "questions:",
        "  - id: q1",
        "    prompt: What did the buyer say?",
        "  - id: q1",
        "    prompt: What will you ask next?",
        "",
      ].join("\n"),
    );
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${template}:2:1: titel: unknown key; did you mean 'title'?`,
      `error: ${template}:10:9: questions.1.id: duplicate question id 'q1'`,
      "error: 2 problem(s) in 1 of 2 file(s); fix each file:line:col above",
    ]);
  });

  it("refuses a question id an answers file keeps for itself, at the id", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), GOOD_CONFIG);
    const template = writeFile(
      join(workspace, "templates", "session", "taken.yaml"),
      [
        "id: taken",
        "title: A question named like a key of its own",
        "kind: session",
        "stages: [scoping]",
        "coaching_kind: training",
        "focus: skillset",
        "questions:",
        "  - id: actions",
        "    prompt: What will you do next?",
        "  - id: focus_choice",
        "    prompt: What shall we work on?",
        "",
      ].join("\n"),
    );
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${template}:8:9: questions.0.id: 'actions' is an answers file's own key; give the question another id`,
      `error: ${template}:10:9: questions.1.id: 'focus_choice' is an answers file's own key; give the question another id`,
      "error: 2 problem(s) in 1 of 2 file(s); fix each file:line:col above",
    ]);
  });

  it("reports every check across a template's fields together with a field error, each at its line", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), GOOD_CONFIG);
    const template = writeFile(
      join(workspace, "templates", "plan", "checks.yaml"),
      [
        "id: checks",
        "title: Every check across fields",
        "kind: plan",
        "stages: [scoping]",
        "coaching_kind: advisor",
        "focus: mindst",
        "minutes: 30",
        "questions:",
        "  - { id: ready, type: confirm, prompt: Ready?, warning: { equals: maybe, message: Ask first } }",
        "  - { id: ready, prompt: Again? }",
        "  - { id: how, prompt: How?, when: { question: later } }",
        "  - { id: why, prompt: Why?, when: { question: ready, equals: yes please } }",
        "  - { id: pick, type: choice, choices: [a, b], default: c, prompt: Which? }",
        "  - { id: after, prompt: And?, when: { question: pick, in: [a, z] } }",
        "  - { id: later, type: multi, prompt: Which ones? }",
        "  - { id: rate, type: scale, max: 7, prompt: How well?, anchors: { 1: a, 3: b, 5: c } }",
        "  - { id: note, prompt: Notes?, anchors: { 1: a, 3: b, 5: c } }",
        "",
      ].join("\n"),
    );
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${template}:6:8: focus: 'mindst' is not one of skillset, mindset, both; did you mean 'mindset'?`,
      `error: ${template}:9:68: questions.0.warning.equals: 'ready' is a yes/no question: compare it with true or false`,
      `error: ${template}:10:11: questions.1.id: duplicate question id 'ready'`,
      `error: ${template}:11:48: questions.2.when.question: 'when' must refer to an earlier question; 'later' is not asked before 'how'`,
      `error: ${template}:12:36: questions.3.when: 'ready' is a yes/no question: compare it with true or false`,
      `error: ${template}:13:57: questions.4.default: the default must be one of the choices: a, b`,
      `error: ${template}:14:38: questions.5.when: 'z' is not one of the choices of 'pick': a, b`,
      `error: ${template}:15:5: questions.6.choices: a 'multi' question needs choices`,
      `error: ${template}:16:5: questions.7.skill: a 'scale' question needs the skill it rates`,
      `error: ${template}:16:35: questions.7.max: a 'scale' runs within 1 to 5`,
      `error: ${template}:17:42: questions.8.anchors: only a 'scale' question has rating anchors`,
      "error: 11 problem(s) in 1 of 2 file(s); fix each file:line:col above",
    ]);
  });

  it("says nothing across fields from a field that is itself wrong", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), GOOD_CONFIG);
    const session = writeFile(
      join(workspace, "templates", "session", "wrong-fields.yaml"),
      [
        "id: wrong-fields",
        "title: Fields that are wrong in themselves",
        "kind: session",
        "stages: [scoping]",
        "coaching_kind: training",
        "focus: skillset",
        "questions:",
        "  - { id: 7, prompt: First? }",
        "  - { id: 7, prompt: Second? }",
        "  - { id: sure, type: confrim, prompt: Sure?, warning: { equals: maybe, message: Check } }",
        "  - { id: then, prompt: Then?, when: { question: sure, equals: yes please } }",
        "  - { id: odd, prompt: Odd?, when: { question: 3 } }",
        "  - { id: pick, type: choice, choices: notalist, default: c, prompt: Which? }",
        "  - { id: rate, type: scale, skill: framing, min: low, prompt: How well? }",
        "",
      ].join("\n"),
    );
    const drill = writeFile(
      join(workspace, "templates", "drill", "no-rounds.yaml"),
      [
        "id: no-rounds",
        "title: Rounds misspelt",
        "kind: drill",
        "stages: [scoping]",
        "coaching_kind: training",
        "focus: skillset",
        "ronuds:",
        "  - { scenario: A call, prompt: Open it, look_for: [a question], skill: framing }",
        "",
      ].join("\n"),
    );
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    // each field's own problem, where it is, and nothing more: no duplicate id 7, no yes/no or choices
    // comparison with a question whose type or choices are wrong, no range from a wrong min, no missing rounds
    const where = (line: string) => line.split(": ").slice(0, 3).join(": ");
    expect(result.stderr.split("\n").filter(Boolean).map(where)).toEqual([
      `error: ${drill}:7:1: ronuds`,
      `error: ${session}:8:11: questions.0.id`,
      `error: ${session}:9:11: questions.1.id`,
      `error: ${session}:10:23: questions.2.type`,
      `error: ${session}:12:48: questions.4.when.question`,
      `error: ${session}:13:40: questions.5.choices`,
      `error: ${session}:14:51: questions.6.min`,
      "error: 7 problem(s) in 2 of 3 file(s); fix each file:line:col above",
    ]);
  });

  it("reports a session with no questions together with a field error", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), GOOD_CONFIG);
    const template = writeFile(
      join(workspace, "templates", "session", "empty.yaml"),
      "id: empty\ntitle: Nothing to ask\nkind: session\nstages: [scoping]\ncoaching_kind: training\nfocus: skilset\nquestions: []\n",
    );
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${template}:6:8: focus: 'skilset' is not one of skillset, mindset, both; did you mean 'skillset'?`,
      `error: ${template}:7:12: questions: a session template needs at least one question`,
      "error: 2 problem(s) in 1 of 2 file(s); fix each file:line:col above",
    ]);
  });

  it("says coach.yaml is valid with the templates", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), GOOD_CONFIG);
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("coach.yaml valid; no template files in");
  });

  it("any other command names the first problem of a broken coach.yaml and how many more there are", async () => {
    const workspace = tempDir();
    const config = writeFile(join(workspace, "coach.yaml"), BROKEN_CONFIG);
    const result = await coach(["rep", "list"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `error: ${config}:1:1: managr: unknown key; did you mean 'manager'? (and 2 more problems in this file)`,
    );
    expect(result.stderr).toContain("`coach templates validate` lists every problem");
  });

  it("reports a duplicate stage or gate id together with the stage's own problems, at the duplicate", async () => {
    const workspace = tempDir();
    const config = writeFile(
      join(workspace, "coach.yaml"),
      [
        "manager: Dana",
        "stages:",
        "  - id: scoping",
        "    name: Scoping",
        "    skills: [Framing]",
        "    gates:",
        "      - Signed",
        "      - { id: Bad, text: Inked }",
        "      - { id: signed, text: Inked }",
        "  - id: scoping",
        "    name: Scoping again",
        "cadence:",
        "  drill_dayz: 5",
        "",
      ].join("\n"),
    );
    const slug = "use a lowercase slug such as 'open-questions'";
    const validate = await coach(["templates", "validate"], { workspace });
    expect(validate.code).toBe(2);
    expect(validate.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${config}:5:14: stages.0.skills.0: ${slug}`,
      `error: ${config}:8:15: stages.0.gates.1.id: ${slug}`,
      `error: ${config}:9:9: stages.0.gates.2: gate id 'signed' is used twice in this stage; give one of them its own id`,
      `error: ${config}:10:9: stages.1.id: stage id 'scoping' is used twice; give one of them its own id`,
      `error: ${config}:13:3: cadence.drill_dayz: unknown key; did you mean 'drill_days'?`,
      expect.stringMatching(/^error: 5 problem\(s\) in 1 of 1 file\(s\)/),
    ]);

    const plan = await coach(["plan", "alex"], { workspace });
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain(
      `error: ${config}:5:14: stages.0.skills.0: ${slug} (and 4 more problems in this file)`,
    );
  });

  it("reports a duplicate stage id as the first problem when it comes first", async () => {
    const workspace = tempDir();
    const config = writeFile(
      join(workspace, "coach.yaml"),
      "stages:\n  - id: demo\n    name: Demo\n  - id: demo\n    name: 5\n",
    );
    const result = await coach(["rep", "list"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `error: ${config}:4:9: stages.1.id: stage id 'demo' is used twice; give one of them its own id` +
        " (and 1 more problem in this file)",
    );
  });

  it("says nothing about duplicates from a stage or gate whose id is itself wrong", async () => {
    const workspace = tempDir();
    const config = writeFile(
      join(workspace, "coach.yaml"),
      [
        "stages:",
        "  - id: Demo",
        "    name: Demo",
        "  - id: Demo",
        "    name: Demo again",
        "  - just-a-name",
        "  - id: trial",
        "    name: Trial",
        "    gates:",
        "      - { id: Signed, text: Signed }",
        "      - { id: Signed, text: Inked }",
        "      - ''",
        "      - { id: '', text: 5 }",
        "",
      ].join("\n"),
    );
    const slug = "use a lowercase slug such as 'open-questions'";
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      `error: ${config}:2:9: stages.0.id: ${slug}`,
      `error: ${config}:4:9: stages.1.id: ${slug}`,
      `error: ${config}:6:5: stages.2: expected a map of keys and values`,
      `error: ${config}:10:15: stages.3.gates.0.id: ${slug}`,
      `error: ${config}:11:15: stages.3.gates.1.id: ${slug}`,
      `error: ${config}:12:9: stages.3.gates.2.text: cannot be empty`,
      `error: ${config}:13:25: stages.3.gates.3.text: expected text`,
      expect.stringMatching(/^error: 7 problem\(s\) in 1 of 1 file\(s\)/),
    ]);
  });
});

describe("problems in files people edit", () => {
  it("are said in coach's words, never zod's, whatever the wrong type or size", async () => {
    const workspace = tempDir();
    writeFile(join(workspace, "coach.yaml"), "stages: 5\ncadence:\n  drill_days: [7]\n");
    const template = writeFile(
      join(workspace, "templates", "session", "typed.yaml"),
      [
        "id: typed",
        "title: 5",
        "kind: session",
        "stages: [any]",
        "coaching_kind: training",
        "focus: skillset",
        "minutes: 0",
        "description: [not, text]",
        "questions:",
        "  - id: q1",
        "    prompt: 7",
        "    type: text",
        "    required: maybe",
        "",
      ].join("\n"),
    );
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("coach.yaml:1:9: stages: expected a list");
    expect(result.stderr).toContain(`${template}:2:8: title: expected text`);
    expect(result.stderr).toContain(`${template}:7:10: minutes: must be more than 0`);
    expect(result.stderr).toContain(`${template}:8:14: description: expected text`);
    expect(result.stderr).toContain(`${template}:11:13: questions.0.prompt: expected text`);
    expect(result.stderr).toContain(`${template}:13:15: questions.0.required: expected true or false`);
    expect(result.stderr).not.toMatch(/Invalid|received|expected (string|number|boolean|array)|Too (big|small)/);
  });
});

describe("a skill written with pattern characters", () => {
  it("is reported at its line like any unknown skill, never as an unexpected error", async () => {
    const workspace = tempDir();
    const template = writeFile(
      join(workspace, "templates", "session", "odd-skill.yaml"),
      [
        "id: odd-skill",
        "title: Odd",
        "kind: session",
        "stages: [discovery]",
        "coaching_kind: training",
        "focus: skillset",
        "questions:",
        "  - id: q1",
        "    prompt: How well?",
        "    type: scale",
        '    skill: "a(b"',
        "",
      ].join("\n"),
    );
    const result = await coach(["templates", "validate"], { workspace });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain("unexpected");
    expect(result.stderr).toContain(`${template}:11:`);
  });
});
