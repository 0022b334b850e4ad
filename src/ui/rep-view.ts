import { type Config, stageById } from "../domain/config.js";
import { type Goal, openGoals } from "../domain/goals.js";
import { type Rep, STYLE_ADAPTATION } from "../domain/rep.js";
import type { Style } from "./style.js";
import { columns } from "./table.js";
import { wrap } from "./wrap.js";

export function renderRepList(reps: Rep[], style: Style, width = 80): string {
  return columns(
    [
      ["ID", "NAME", "ROLE", "STYLE", "FOCUS", "GOALS"].map((h) => style.bold(h)),
      ...reps.map((r) => [
        r.archived ? `${r.id} (archived)` : r.id,
        r.name,
        r.role || "-",
        r.style ?? "-",
        r.focus_stage ?? "-",
        goalCount(r.goals),
      ]),
    ],
    width,
  );
}

export function renderRep(rep: Rep, config: Config, style: Style, width = 80): string {
  const focus = rep.focus_stage ? (stageById(config, rep.focus_stage)?.name ?? rep.focus_stage) : "chosen at each plan";
  const lines = [
    style.bold(rep.name) + style.dim(` (${rep.id})`),
    wrap(rep.role || "-", width, "  role:   "),
    `  style:  ${rep.style ?? "-"}`,
    wrap(focus, width, "  focus:  "),
    `  goals:  ${rep.goals.length ? "" : "-"}`,
    ...rep.goals.flatMap((goal) => renderGoal(goal, width)),
  ];
  if (rep.strengths?.length) lines.push("  strengths:", ...rep.strengths.map((s) => wrap(s, width, "    - ")));
  if (rep.archived) lines.push(`  archived: ${rep.archived} (records kept; \`rep list --all\` shows the rep)`);
  if (rep.style) {
    lines.push("", wrap(STYLE_ADAPTATION[rep.style], width, `  Adapting to ${withArticle(rep.style)}: `, "  "));
  }
  return lines.join("\n");
}

/** "2 open" or "2 open, 1 done"; "-" for none. */
function goalCount(goals: readonly Goal[]): string {
  const open = openGoals(goals).length;
  const closed = goals.length - open;
  if (goals.length === 0) return "-";
  return closed ? `${open} open, ${closed} closed` : `${open} open`;
}

/** `Make senior AE [g1] by 2027-03-31` (`[g1, done]` once closed), then its why, measure, stage and skills. */
function renderGoal(goal: Goal, width: number): string[] {
  const tag = goal.status === "open" ? goal.id : `${goal.id}, ${goal.status}`;
  const lines = [wrap(`${goal.text} [${tag}]${goal.by ? ` by ${goal.by}` : ""}`, width, "    - ")];
  const details: [string, string | undefined][] = [
    ["why", goal.why],
    ["measure", goal.measure],
    ["stage", goal.stage],
    ["skills", goal.skills?.join(", ")],
  ];
  for (const [label, value] of details) if (value) lines.push(wrap(value, width, `        ${label}: `, "        "));
  return lines;
}

/** "an expressive", "a driver". */
function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}
