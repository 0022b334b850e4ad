import { inline } from "./markdown.js";
import type { Answer, CoachRecord } from "./record.js";
import type { Template } from "./template.js";

/** What the last 1:1 agreed, for the next plan: the loop closes where it was left. */
export interface LastSession {
  date: string;
  goal: string | null;
  wayForward: string | null;
  ratings: Record<string, number>;
}

type Step = "goal" | "will";

/** The first text answer of a GROW step: by the template's `grow` tags, else by the usual ids (`goal`, `will`). */
function answerOfStep(answers: Answer[], template: Template | undefined, step: Step): string | null {
  const tagged = new Set((template?.questions ?? []).filter((q) => q.grow === step).map((q) => q.id));
  const ids = tagged.size ? tagged : new Set([step]);
  for (const { id, answer } of answers) {
    if (!ids.has(id)) continue;
    const text = Array.isArray(answer) ? answer.join("; ") : typeof answer === "string" ? answer : "";
    if (text.trim()) return text;
  }
  return null;
}

export function summariseSession(record: CoachRecord, template: Template | undefined): LastSession {
  const answers = record.answers ?? [];
  return {
    date: record.date,
    goal: answerOfStep(answers, template, "goal"),
    wayForward: answerOfStep(answers, template, "will"),
    ratings: record.ratings ?? {},
  };
}

/** "Last 1:1 (2026-11-20): goal "...", way forward "...", ratings opening-statement 2, pre-call-planning 4." */
export function describeLastSession(last: LastSession): string {
  const quote = (text: string | null) => (text ? `"${inline(text)}"` : "not recorded");
  const ratings = Object.entries(last.ratings).map(([skill, value]) => `${skill} ${value}`);
  return [
    `Last 1:1 (${last.date}): goal ${quote(last.goal)}`,
    `way forward ${quote(last.wayForward)}`,
    `ratings ${ratings.length ? ratings.join(", ") : "none"}.`,
  ].join(", ");
}
