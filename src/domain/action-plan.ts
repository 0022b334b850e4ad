import { describeStatus } from "./actions.js";
import { compareText } from "./dates.js";
import type { Goal } from "./goals.js";
import { openGoals } from "./goals.js";
import type { TrackedAction } from "./history.js";
import { inline } from "./markdown.js";
import type { Action } from "./record.js";
import type { Rep } from "./rep.js";

/** What the action plan says of one skill: its latest 1:1 rating and when it is drilled next. */
export interface SkillStanding {
  skill: string;
  rating?: { date: string; value: number };
  /** The next drill's date; `drilled` false for a skill never practised yet. */
  nextDrill?: { due: string; drilled: boolean };
}

export interface ActionPlanInput {
  rep: Rep;
  today: string;
  /** Every commitment of the rep, open and closed, as its events leave it. */
  actions: TrackedAction[];
  /** The skills a goal needs: its own, else its stage's. */
  skillsOf: (goal: Goal) => string[];
  standing: (skill: string) => SkillStanding;
}

/**
 * "Action plan: <name>", the page a manager hands the rep: each open goal with its why,
 * measure and date, the commitments that serve it (open first, soonest due first), the
 * skills it needs with their latest rating and next drill; then the commitments tied to
 * no open goal. Dropped commitments are left out: the page is about what is being done.
 */
export function renderActionPlan(input: ActionPlanInput): string {
  const { rep, today } = input;
  const goals = openGoals(rep.goals);
  const kept = input.actions.filter(({ action }) => action.status !== "dropped");
  const serving = (goal: Goal) => kept.filter(({ action }) => action.goal === goal.id);
  const sections = [`# Action plan: ${rep.name}`, `As of ${today}.`];
  if (!goals.length)
    sections.push(`${rep.name} has no open goal yet: set one together with \`coach rep goal add ${rep.id} "..."\`.`);
  for (const goal of goals) sections.push(renderGoal(goal, serving(goal), input));
  const goalIds = new Set(goals.map((goal) => goal.id));
  const untied = kept.filter(({ action }) => !action.goal || !goalIds.has(action.goal));
  if (untied.length) sections.push(`## Other commitments\n\n${commitmentLines(untied, rep, today).join("\n")}`);
  else if (!goals.length) sections.push("No commitments yet.");
  return `${sections.join("\n\n")}\n`;
}

function renderGoal(goal: Goal, actions: TrackedAction[], input: ActionPlanInput): string {
  const facts = [
    goal.why ? `- **Why:** ${inline(goal.why)}` : "",
    goal.measure ? `- **How we will know:** ${inline(goal.measure)}` : "",
    goal.by ? `- **By:** ${goal.by}` : "",
  ].filter(Boolean);
  const parts = [`## ${inline(goal.text)} (\`${goal.id}\`)`];
  if (facts.length) parts.push(facts.join("\n"));
  parts.push(
    actions.length
      ? `**Commitments**\n\n${commitmentLines(actions, input.rep, input.today).join("\n")}`
      : `**Commitments**\n\nNone yet: agree on a first step at the next 1:1.`,
  );
  const skills = input.skillsOf(goal);
  if (skills.length) parts.push(`**Skills**\n\n${skillTable(skills.map(input.standing))}`);
  return parts.join("\n\n");
}

/** Open ones first (soonest due first, undated last), then the closed ones, latest first. */
function commitmentLines(actions: TrackedAction[], rep: Rep, today: string): string[] {
  const open = actions
    .filter(({ action }) => action.status === "open")
    .sort((a, b) => compareText(a.action.due ?? "9999", b.action.due ?? "9999"));
  const closed = actions
    .filter(({ action }) => action.status !== "open")
    .sort((a, b) => compareText(b.action.closed_on ?? "", a.action.closed_on ?? ""));
  return [...open, ...closed].map(({ action }) => commitmentLine(action, rep, today));
}

function commitmentLine(action: Action, rep: Rep, today: string): string {
  const who = action.owner === "rep" ? rep.name : "manager";
  if (action.status === "open") {
    // A page handed to the rep says plainly which promises are late, as `coach actions` does.
    const status = describeStatus(action, today);
    const late = status === "open" ? "" : `, ${status}`;
    return `- [ ] ${inline(action.text)} (${who}, ${action.due ? `due ${action.due}` : "no due date"}${late})`;
  }
  const when = action.closed_on ? ` ${action.closed_on}` : "";
  return `- [x] ${inline(action.text)} (${who}, ${action.status}${when})`;
}

function skillTable(rows: SkillStanding[]): string {
  const lines = ["| Skill | Latest rating | Next drill |", "| --- | --- | --- |"];
  for (const row of rows) {
    const rating = row.rating ? `${row.rating.value} of 5 (${row.rating.date})` : "not rated yet";
    const drill = !row.nextDrill
      ? "no drill trains it yet"
      : row.nextDrill.drilled
        ? row.nextDrill.due
        : `${row.nextDrill.due} (first time)`;
    lines.push(`| ${row.skill} | ${rating} | ${drill} |`);
  }
  return lines.join("\n");
}
