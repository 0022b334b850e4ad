import type { Context } from "../context.js";
import type { RepHistory } from "../domain/drill.js";
import { weekRoutine } from "../domain/drill-week.js";
import type { LoadedTemplate } from "../domain/template.js";
import { loadAllReps, requireReps } from "../store/reps.js";
import type { Workspace } from "../store/workspace.js";
import { renderWeek } from "../ui/drill-week-view.js";
import { withRecords } from "./choose-rep.js";
import type { DrillOptions } from "./drill.js";

/** `coach drill --week [rep...]`: what is due this week, for whom, and an order for the sales meeting. */
export async function runDrillWeek(
  workspace: Workspace,
  templates: LoadedTemplate[],
  options: DrillOptions,
  ctx: Context,
): Promise<void> {
  const reps = options.reps.length
    ? await requireReps(workspace.root, options.reps)
    : await loadAllReps(workspace.root, (problem) => ctx.out.warn(`skipped a broken rep profile: ${problem}`));
  const histories: RepHistory[] = await withRecords(workspace.root, reps, ctx);
  const routine = weekRoutine(
    workspace.config,
    templates,
    histories,
    { stage: options.stage, skill: options.skill },
    ctx.today,
  );
  if (ctx.out.json)
    return ctx.out.printJson({
      from: routine.from,
      to: routine.to,
      items: routine.items,
      meeting: routine.meeting,
      no_drill: routine.no_drill,
    });
  if (!reps.length)
    return ctx.out.data(
      'No reps yet: add one with `coach rep add "Alex Kim"`, then drill with `coach drill alex-kim`.',
    );
  ctx.out.data(renderWeek(routine, templates, ctx.out.style));
}
