import * as z from "zod/mini";
import { badInput } from "../errors.js";
import { closest } from "./ids.js";
import { once } from "./once.js";
import type { Rep } from "./rep.js";

export const GOAL_STATUSES = ["open", "done", "dropped"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One goal as the profile holds it; the id may be missing (then it is given on reading). */
const goalEntrySchema = once(() =>
  z.union([
    z.string().check(z.minLength(1)),
    z.looseObject({
      id: z.optional(
        z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a short lowercase id such as 'g1'")),
      ),
      text: z.string().check(z.minLength(1, "a goal needs its text")),
      why: z.optional(z.string()),
      skills: z.optional(z.array(z.string())),
      stage: z.optional(z.string()),
      measure: z.optional(z.string()),
      by: z.optional(z.string().check(z.regex(ISO_DATE, "expected a date as YYYY-MM-DD"))),
      status: z._default(z.enum(GOAL_STATUSES, { error: `expected one of ${GOAL_STATUSES.join(", ")}` }), "open"),
      added: z.optional(z.string()),
    }),
  ]),
);

export interface Goal {
  id: string;
  text: string;
  why?: string;
  skills?: string[];
  stage?: string;
  measure?: string;
  by?: string;
  status: GoalStatus;
  added?: string;
}

/**
 * `goals:` in rep.yaml: a plain string is a goal with that text. Goals without an id get
 * `g1`, `g2`... in list order, skipping ids already taken, so an id stays put when goals
 * are added after it; two goals claiming one id are refused.
 */
export const goalsSchema = once(() =>
  z.pipe(
    z._default(z.array(goalEntrySchema()), []).check(
      z.superRefine((entries, ctx) => {
        const seen = new Set<string>();
        entries.forEach((entry, index) => {
          if (typeof entry === "string" || !entry.id) return;
          if (seen.has(entry.id))
            ctx.addIssue({ code: "custom", path: [index, "id"], message: `goal id '${entry.id}' is used twice` });
          seen.add(entry.id);
        });
      }),
    ),
    z.transform((entries): Goal[] => {
      const taken = new Set(entries.flatMap((entry) => (typeof entry !== "string" && entry.id ? [entry.id] : [])));
      let counter = 0;
      const nextFree = (): string => {
        do counter += 1;
        while (taken.has(`g${counter}`));
        return `g${counter}`;
      };
      return entries.map((entry) =>
        typeof entry === "string"
          ? { id: nextFree(), text: entry, status: "open" }
          : { ...entry, id: entry.id ?? nextFree() },
      ) as Goal[];
    }),
  ),
);

/** The id a new goal gets: the first `gN` after every numbered id the rep has. */
export function nextGoalId(goals: readonly Goal[]): string {
  const numbers = goals.map((goal) => /^g(\d+)$/.exec(goal.id)).map((match) => (match ? Number(match[1]) : 0));
  return `g${Math.max(0, ...numbers) + 1}`;
}

export function openGoals(goals: readonly Goal[]): Goal[] {
  return goals.filter((goal) => goal.status === "open");
}

/** A goal named on the command line (`--goal g2`): one the rep does not have is exit 2 with a did-you-mean. */
export function requireGoal(rep: Pick<Rep, "id" | "name" | "goals">, id: string, where = "--goal"): Goal {
  const goal = goalById(rep.goals, id);
  if (goal) return goal;
  const ids = rep.goals.map((g) => g.id);
  const guess = closest(id.trim().toLowerCase(), ids);
  throw badInput(
    "unknown_goal",
    `${where}: ${rep.name} has no goal '${id}'`,
    ids.length
      ? `${guess ? `did you mean '${guess}'? ` : ""}${rep.name}'s goals: ${ids.join(", ")} (\`coach rep show ${rep.id}\`)`
      : `add one with \`coach rep goal add ${rep.id} "..."\``,
  );
}

/** The goal a user names by id, case-insensitively. */
export function goalById(goals: readonly Goal[], id: string): Goal | undefined {
  const wanted = id.trim().toLowerCase();
  return goals.find((goal) => goal.id === wanted);
}

/** A goal as it is written back into rep.yaml: only the keys it has, in a readable order. */
export function goalToYaml(goal: Goal): Record<string, unknown> {
  const { id, text, why, skills, stage, measure, by, status, added, ...rest } = goal;
  const entry: Record<string, unknown> = { id, text };
  if (why) entry.why = why;
  if (skills?.length) entry.skills = skills;
  if (stage) entry.stage = stage;
  if (measure) entry.measure = measure;
  if (by) entry.by = by;
  entry.status = status;
  if (added) entry.added = added;
  return { ...entry, ...rest };
}
