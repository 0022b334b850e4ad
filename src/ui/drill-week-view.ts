import { addDrillHint } from "../domain/drill.js";
import type { WeekItem, WeekRoutine } from "../domain/drill-week.js";
import { NEW_SKILLS_PER_WEEK } from "../domain/schedule.js";
import type { LoadedTemplate } from "../domain/template.js";
import type { Style } from "./style.js";
import { columns } from "./table.js";

function scoreText(score: number | null): string {
  return score === null ? "new" : `last ${score}`;
}

function dueText(item: Pick<WeekItem, "due">, from: string): string {
  return item.due < from ? `${item.due} (overdue)` : item.due;
}

/** The week's routine: the meeting's clinics in order, then everything due by date. */
/** The stage skills no drill trains: named, each with how to add its drill. */
function noDrillLines({ no_drill }: WeekRoutine): string[] {
  if (!no_drill.length) return [];
  return [
    "",
    `No drill yet for ${no_drill.map((s) => `${s.skill} (${s.stage})`).join(", ")}: they cannot be practised until one exists.`,
    ...no_drill.map((s) => `  ${s.skill}: ${addDrillHint(s.skill)}`),
  ];
}

export function renderWeek(routine: WeekRoutine, templates: LoadedTemplate[], style: Style): string {
  const { from, to, items, meeting } = routine;
  const repCount = new Set(Object.keys(routine.waiting)).size;
  const lines = [
    style.bold(`Drill routine for ${from} to ${to}`) + style.dim(` (${repCount} rep${repCount === 1 ? "" : "s"})`),
  ];
  if (!items.length) {
    lines.push("", "Nothing is due this week.", ...noDrillLines(routine));
    return lines.join("\n");
  }
  const titles = new Map(templates.map(({ template }) => [template.id, template.title]));
  lines.push(
    "",
    style.bold("Suggested order for the sales meeting") +
      style.dim(" (weakest first, then the drill due for the most reps)"),
  );
  meeting.forEach((slot, index) => {
    const who = slot.reps.map(
      (r) =>
        `${r.rep} ${scoreText(r.last_score)}${slot.skills.length > 1 ? ` on ${r.skill}` : ""} (due ${dueText(r, from)})`,
    );
    const reps = [...new Set(slot.reps.map((r) => r.rep))];
    lines.push(
      `${String(index + 1).padStart(3)}. ${titles.get(slot.template) ?? slot.template} ${style.dim(`[${slot.skills.join(", ")}]`)}`,
      `     ${who.join("; ")}`,
      style.dim(`     $ coach drill ${reps.join(" ")} --template ${slot.template}`),
    );
  });
  lines.push(...noDrillLines(routine));
  lines.push("", style.bold("Due by date"));
  lines.push(
    columns(
      items
        .map((i) => [dueText(i, from), i.rep, i.skill, i.template ?? "-", scoreText(i.last_score), i.why ?? ""])
        .map((row) => row.map((cell, c) => (c === 0 ? `  ${cell}` : cell))),
    ),
  );
  const waiting = Object.entries(routine.waiting).filter(([, n]) => n > 0);
  if (waiting.length) {
    lines.push(
      "",
      style.dim(
        `Skills not practised yet come in ${NEW_SKILLS_PER_WEEK} a week per rep; still waiting: ${waiting.map(([rep, n]) => `${rep} ${n}`).join(", ")}.`,
      ),
    );
  }
  return lines.join("\n");
}
