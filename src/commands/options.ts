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
