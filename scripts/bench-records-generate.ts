// Generates a synthetic workspace for scripts/bench-records.js: `count` records over 100
// reps, written through the project's own record code (writeNewRecord, buildPlanRecord,
// renderPlanBody), with realistic front matter (answers, ratings, actions, rounds) and
// bodies. Deterministic apart from the random record-id suffixes.
// Usage (after bundling with esbuild): node generate.mjs <root> <count> <today>
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CONFIG } from "../src/domain/config.js";
import { addDaysIso } from "../src/domain/dates.js";
import { inline, renderAnswers } from "../src/domain/markdown.js";
import { buildPlanRecord, type PlanInput, renderPlanBody } from "../src/domain/plan-record.js";
import type { AnswerValue } from "../src/domain/questions.js";
import { type Action, type CoachRecord, RECORD_SCHEMA, recordId } from "../src/domain/record.js";
import type { Rep } from "../src/domain/rep.js";
import type { LoadedTemplate, Question } from "../src/domain/template.js";
import { writeNewRecord } from "../src/store/record-file.js";
import { randomId } from "../src/store/records.js";
import { saveRep } from "../src/store/rep-profile.js";
import { loadTemplates } from "../src/store/templates.js";
import { ensureWorkspace } from "../src/store/workspace-setup.js";

const [root, countText, today] = process.argv.slice(2) as [string, string, string];
const count = Number(countText);
const REPS = 100;
const config = DEFAULT_CONFIG;

let seed = 20261122;
/** A small deterministic generator (mulberry32), so every run writes the same history. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const FIRST = ["Alex", "Sam", "Jordan", "Priya", "Chen", "Maria", "Tomás", "Aisha", "Lena", "Kofi"];
const LAST = ["Kim", "Poe", "Lee", "Shah", "Wong", "Garcia", "Novak", "Bello", "Berg", "Mensah"];
const SENTENCES = [
  "We walked through the Acme call and where the buyer went quiet.",
  "They asked two open questions before pitching, which is progress from last month.",
  "The decision process is still unclear: legal and finance both have a say.",
  "Next time, paraphrase the need back before moving to the demo.",
  "Confidence dipped after the lost Globex deal; we talked about what was in their control.",
  'The buyer confirmed the pain in their own words: "our renewals slip every quarter".',
  "Try opening with the customer's goal, not our product, in the first minute.",
  "Agreed to shadow one discovery call and debrief within a day.",
];
const ACTIONS = [
  "Send the recap to Acme",
  "Book the QBR with Globex",
  "Practise the opening statement twice",
  "Map the decision makers at Initech",
  "Ask for one referral a week",
  "Rewrite the value statement for the mid-market",
];

const text = (sentences: number) => Array.from({ length: sentences }, () => pick(SENTENCES)).join(" ");

function answerFor(question: Question, date: string): AnswerValue {
  const choices = (question.choices ?? []).map((c) => (typeof c === "string" ? c : c.value));
  switch (question.type) {
    case "scale":
      return between(1, 5);
    case "confirm":
      return random() < 0.8;
    case "number":
      return between(1, 10);
    case "date":
      return addDaysIso(date, between(1, 14));
    case "choice":
      return pick(choices);
    case "multi":
      return choices.slice(0, between(1, choices.length));
    case "list":
      return [text(1), text(1)];
    default:
      return text(between(1, 3));
  }
}

function actionsFor(date: string, howMany: number): Action[] {
  const age = Number(new Date(`${today}T00:00:00Z`)) - Number(new Date(`${date}T00:00:00Z`));
  const old = age > 30 * 86_400_000;
  return Array.from({ length: howMany }, () => {
    const due = addDaysIso(date, between(3, 21));
    const roll = random();
    const status = !old && roll < 0.6 ? "open" : roll < 0.85 ? "done" : "dropped";
    return {
      id: randomId(6),
      text: pick(ACTIONS),
      owner: random() < 0.8 ? "rep" : "manager",
      due,
      status,
      closed_on: status === "open" ? null : addDaysIso(due, between(-5, 6)),
    };
  });
}

function checklist(actions: Action[]): string {
  return actions
    .map((a) => `- [${a.status === "done" ? "x" : " "}] ${inline(a.text)} (${a.owner}, due ${a.due})`)
    .join("\n");
}

function session(rep: Rep, date: string, template: LoadedTemplate): { record: CoachRecord; body: string } {
  const questions = template.template.questions ?? [];
  const answers = questions.map((q) => ({ id: q.id, prompt: q.prompt, answer: answerFor(q, date) }));
  const ratings = Object.fromEntries(
    questions.filter((q) => q.type === "scale" && q.skill).map((q) => [q.skill!, between(1, 5)]),
  );
  const actions = actionsFor(date, between(1, 3));
  const stage = template.template.stages[0] === "any" ? pick(config.stages).id : template.template.stages[0]!;
  const record: CoachRecord = {
    schema: RECORD_SCHEMA,
    id: recordId(date, "session", stage, randomId(4)),
    type: "session",
    rep: rep.id,
    date,
    status: "completed",
    template: template.template.id,
    stage,
    coaching_kind: random() < 0.25 ? "performance" : template.template.coaching_kind,
    focus: template.template.focus,
    answers,
    ratings,
    actions,
    follow_ups: [],
    plan: null,
  };
  const body = `\n# 1:1 with ${rep.name}, ${date}\n\n${renderAnswers(answers)}\n\n## Ratings\n\n${Object.entries(
    ratings,
  )
    .map(([skill, value]) => `- ${skill}: ${value} of 5`)
    .join("\n")}\n\n## Commitments\n\n${checklist(actions)}\n`;
  return { record, body };
}

function plan(rep: Rep, date: string, templates: LoadedTemplate[]): { record: CoachRecord; body: string } {
  const stage = pick(config.stages);
  const template =
    templates.find((t) => t.template.kind === "plan" && t.template.stages.includes(stage.id)) ??
    templates.find((t) => t.template.kind === "plan")!;
  const questions = template.template.questions ?? [];
  const input: PlanInput = {
    id: recordId(date, "plan", stage.id, randomId(4)),
    rep,
    date,
    status: "planned",
    focus: { stage, reason: "weakest recent ratings" },
    warnings: random() < 0.2 ? [`${rep.name} is past the cadence.`] : [],
    template: template.template,
    sessionTemplate: templates.find((t) => t.template.kind === "session" && t.template.stages.includes(stage.id))
      ?.template,
    questions,
    answers: Object.fromEntries(questions.map((q) => [q.id, answerFor(q, date)])),
    followUps: [],
    drillsDue: [],
  };
  return { record: buildPlanRecord(input), body: renderPlanBody(input, date) };
}

function drill(rep: Rep, date: string, template: LoadedTemplate): { record: CoachRecord; body: string } {
  const rounds = (template.template.rounds ?? []).map((r) => ({
    prompt: r.prompt,
    response: text(between(1, 2)),
    score: between(1, 5),
    notes: text(1),
    skill: r.skill,
  }));
  const record: CoachRecord = {
    schema: RECORD_SCHEMA,
    id: recordId(date, "drill", rounds[0]?.skill ?? "practice", randomId(4)),
    type: "drill",
    rep: rep.id,
    date,
    status: "completed",
    template: template.template.id,
    stage: template.template.stages[0] ?? null,
    coaching_kind: "training",
    focus: template.template.focus,
    skill: rounds[0]?.skill ?? null,
    mode: pick(["pre-call", "practice", "clinic"] as const),
    rounds,
  };
  const body = `\n# Drill: ${template.template.title}, ${date}\n\n${rounds.map((r, i) => `## Round ${i + 1} (${r.skill}): ${r.score} of 5\n\n${r.prompt}\n\n> ${r.response}\n\n${r.notes}`).join("\n\n")}\n`;
  return { record, body };
}

function note(rep: Rep, date: string): { record: CoachRecord; body: string } {
  const actions = actionsFor(date, 1);
  const record: CoachRecord = {
    schema: RECORD_SCHEMA,
    id: recordId(date, "note", "action", randomId(4)),
    type: "note",
    rep: rep.id,
    date,
    status: "completed",
    actions,
  };
  return { record, body: `\n# Commitment, ${date}\n\n${checklist(actions)}\n` };
}

const workspace = { root, config, exists: false, foundBy: "--workspace" as const };
ensureWorkspace(workspace);
const templates = await loadTemplates(root, config);
const sessions = templates.filter((t) => t.template.kind === "session");
const drills = templates.filter((t) => t.template.kind === "drill");
const perRep = Math.ceil(count / REPS);
// Enough days that a rep has a few records a week, as a busy team would.
const span = Math.max(180, Math.ceil(perRep * 1.75));
const PATTERN = ["plan", "session", "drill", "session", "note", "drill", "plan", "session"] as const;

let written = 0;
for (let r = 0; r < REPS && written < count; r++) {
  const name = `${FIRST[r % FIRST.length]} ${LAST[Math.floor(r / FIRST.length) % LAST.length]} ${r}`;
  const rep: Rep = {
    id: `${name
      .toLowerCase()
      .replace(/á/g, "a")
      .replace(/[^a-z0-9]+/g, "-")}`,
    name,
    role: "Account Executive",
    style: pick(["driver", "expressive", "amiable", "analytical"] as const),
    goals: [{ id: "g1", text: text(1), status: "open" }],
    focus_stage: null,
    added: addDaysIso(today, -span - 7),
  };
  saveRep(workspace, rep);
  const mine = Math.min(perRep, count - written);
  for (let i = 0; i < mine; i++) {
    const date = addDaysIso(today, -Math.floor(((mine - i) * span) / mine) + between(0, 1));
    const kind = PATTERN[i % PATTERN.length]!;
    const made =
      kind === "session"
        ? session(rep, date, pick(sessions))
        : kind === "plan"
          ? plan(rep, date, templates)
          : kind === "drill"
            ? drill(rep, date, pick(drills))
            : note(rep, date);
    writeNewRecord(root, made.record, made.body);
    written++;
  }
}
writeFileSync(join(root, ".bench-complete"), `${written}\n`);
