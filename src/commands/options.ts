import * as z from "zod/mini";
import { inOurWords } from "../domain/issue-words.js";
import { parseSince, SINCE_FORMS } from "../domain/when.js";
import { badInput } from "../errors.js";

/** Set by the command-line layer on a run's raw input: which keys came from positional arguments, as `<name>`. */
export const ARGUMENT_NAMES = Symbol("argument names");

/** A command's flags and arguments as commander parsed them, before the command's schema checks them. */
export type RawOptions = Record<string, unknown> & { [ARGUMENT_NAMES]?: Record<string, string> };

/**
 * Flags and arguments -> validated options; a bad one is an exit-2 error. A flag is named
 * as typed (`--deal: name the deal`); an argument's own message stands alone ("a rep needs
 * a name"), since the user typed no flag. Issues a schema gives no message of its own are
 * put in coach's words, never zod's.
 */
export function parseOptions<T>(schema: z.ZodMiniType<T>, raw: unknown): T {
  const ours = new Set<string>();
  const result = schema.safeParse(raw, {
    error: (issue) => {
      const message = inOurWords(issue, "flag");
      ours.add(message);
      return message;
    },
  });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? "");
  const argument = (raw as RawOptions | undefined)?.[ARGUMENT_NAMES]?.[key];
  const message = argument
    ? ours.has(issue.message)
      ? `${argument}: ${issue.message}`
      : issue.message
    : `${key ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : "options"}: ${issue.message}`;
  throw badInput("invalid_option", message, "see the command's --help");
}

/** Options every write command takes. */
export const writeOptionsSchema = z.object({
  answers: z.optional(z.string()),
  date: z.optional(z.string()),
});

/**
 * The date a record is written for: `--date` back-dates ("I forgot to log Friday's
 * 1:1"), so a date after today is refused, since a future record would dodge every
 * follow-up and review until then.
 */
export function recordDate(typed: string | undefined, today: string): string {
  if (typed === undefined) return today;
  // Read as `--since` reads a day: `friday` is the Friday just gone, `yesterday` works.
  const date = parseSince(typed, today);
  if (!date && /^\d{4}-\d{2}-\d{2}$/.test(typed.trim()))
    throw badInput("invalid_option", "--date: not a real calendar date", "see the command's --help");
  if (!date) throw badInput("invalid_option", `--date '${typed}' is not a date I know`, `use one of: ${SINCE_FORMS}`);
  if (date > today)
    throw badInput(
      "invalid_option",
      `--date ${date} is after today (${today})`,
      "--date back-dates a record; leave it out for today",
    );
  return date;
}
