import { resolve } from "node:path";
import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { calendarEvents, type RepRecords, renderCalendar } from "../domain/calendar.js";
import { weekRoutine } from "../domain/drill-week.js";
import { writeUserFile } from "../store/files.js";
import { loadAllReps, requireReps } from "../store/reps.js";
import { loadTemplates } from "../store/templates.js";
import { workspaceOf } from "../store/workspace.js";
import { withRecords } from "./choose-rep.js";
import { type Act, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

const calendarOptionsSchema = z.object({
  reps: z._default(z.array(z.string()), []),
  out: z.optional(z.string().check(z.minLength(1))),
});

/** `coach calendar [rep...] [--out FILE]`: the next 1:1s, commitments and drills as an iCalendar file. */
export async function runCalendar(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(calendarOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  const reps = options.reps.length
    ? await requireReps(workspace.root, options.reps)
    : (await loadAllReps(workspace.root, (problem) => ctx.out.warn(`skipped a broken rep profile: ${problem}`))).filter(
        (rep) => !rep.archived,
      );
  const histories: RepRecords[] = await withRecords(workspace.root, reps, ctx);
  const templates = await loadTemplates(workspace.root, workspace.config);
  const routine = weekRoutine(workspace.config, templates, histories, {}, ctx.today);
  const events = calendarEvents(workspace.config, histories, routine, ctx.today);
  const text = renderCalendar(events, ctx.today);

  if (!options.out || options.out === "-") return ctx.out.data(text);
  const file = resolve(ctx.cwd, options.out);
  writeUserFile(file, text, workspace.root);
  if (ctx.out.json) return ctx.out.printJson({ written: [file], id: "calendar", events: events.length });
  ctx.out.info(`Calendar written to ${file}: ${events.length} event${events.length === 1 ? "" : "s"}`);
}

export function defineCalendar(command: Command, act: Act): Command {
  return withExamples(
    command
      .argument("[rep...]", "only these reps (default: every rep)")
      .option("--out <file>", "write the iCalendar file there ('-' or none: print it)")
      .action(act(runCalendar, ["reps"])),
    "coach calendar --out ~/coaching.ics",
    "coach calendar alex-kim",
  );
}
