import { z } from "zod";
import { isoDateSchema } from "../domain/dates.js";
import { badInput } from "../errors.js";

/** Flags -> validated options; a bad flag is an exit-2 error naming it. */
export function parseOptions<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? "");
  const flag = key ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : "options";
  throw badInput("invalid_option", `${flag}: ${issue.message}`, "see the command's --help");
}

/** Options every write command takes. */
export const writeOptionsSchema = z.object({
  answers: z.string().optional(),
  date: isoDateSchema.optional(),
});

/**
 * The date a record is written for: `--date` back-dates ("I forgot to log Friday's
 * 1:1"), so a date after today is refused, since a future record would dodge every
 * follow-up and review until then.
 */
export function recordDate(date: string | undefined, today: string): string {
  if (date === undefined) return today;
  if (date > today)
    throw badInput(
      "invalid_option",
      `--date ${date} is after today (${today})`,
      "--date back-dates a record; leave it out for today",
    );
  return date;
}
