import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { requireStage } from "../domain/config.js";
import { assertSafeName } from "../domain/ids.js";
import type { Rep } from "../domain/rep.js";
import { loadAllReps, newRepId, requireRep } from "../store/reps.js";
import { type Workspace, workspaceOf } from "../store/workspace.js";
import { renderRep, renderRepList } from "../ui/rep-view.js";
import { type Act, collect, withExamples } from "./define.js";
import { parseOptions } from "./options.js";
import { defineRepEdit, repNameSchema, repStyleSchema } from "./rep-edit.js";
import { defineRepGoal } from "./rep-goals.js";

const repAddOptionsSchema = z.object({
  name: repNameSchema,
  role: z._default(z.string(), ""),
  style: z.optional(repStyleSchema),
  goal: z._default(z.array(z.string().check(z.trim(), z.minLength(1))), []),
  focus: z.optional(z.string().check(z.toLowerCase())),
});
export type RepAddOptions = z.infer<typeof repAddOptionsSchema>;

export async function runRepAdd(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(repAddOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  const { rep, path } = await addRep(workspace, options, ctx.today);
  if (ctx.out.json) return ctx.out.printJson({ written: [path], id: rep.id });
  ctx.out.info(`Added ${rep.name} as '${rep.id}' (${path})`);
}

/** Shared by `rep add` and by `plan` offering to add an unknown rep. */
export async function addRep(
  workspace: Workspace,
  options: RepAddOptions,
  today: string,
): Promise<{ rep: Rep; path: string }> {
  if (options.focus) requireStage(workspace.config, options.focus);
  for (const goal of options.goal) assertSafeName("the goal", goal);
  const rep: Rep = {
    id: newRepId(workspace.root, options.name),
    name: options.name,
    role: options.role,
    style: options.style ?? null,
    goals: options.goal.map((text, index) => ({ id: `g${index + 1}`, text, status: "open", added: today })),
    focus_stage: options.focus ?? null,
    added: today,
  };
  // The profile's writer brings `yaml`, which `rep list` and `rep show` do without.
  const { saveRep } = await import("../store/rep-profile.js");
  return { rep, path: saveRep(workspace, rep) };
}

export async function runRepList(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const { all } = parseOptions(z.object({ all: z._default(z.boolean(), false) }), raw);
  const workspace = await workspaceOf(ctx);
  let broken = 0;
  const everyone = await loadAllReps(workspace.root, (problem) => {
    broken++;
    ctx.out.warn(`skipped a broken rep profile: ${problem}`);
  });
  const reps = all ? everyone : everyone.filter((rep) => !rep.archived);
  if (ctx.out.json) return ctx.out.printJson(reps);
  if (reps.length === 0) {
    const archived = everyone.length - reps.length;
    ctx.out.info(
      archived
        ? `No current reps in ${workspace.root} (${archived} archived: \`coach rep list --all\`)`
        : broken
          ? `No reps to list in ${workspace.root}: ${broken} broken profile${broken === 1 ? "" : "s"} skipped; fix rep.yaml by hand`
          : `No reps yet in ${workspace.root}. Add one: coach rep add "Alex Kim"`,
    );
    return;
  }
  ctx.out.data(renderRepList(reps, ctx.out.style, ctx.out.width));
}

export async function runRepShow(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const { rep: id } = parseOptions(z.object({ rep: z.string() }), raw);
  const workspace = await workspaceOf(ctx);
  const rep = await requireRep(workspace.root, id);
  if (ctx.out.json) return ctx.out.printJson(rep);
  ctx.out.data(renderRep(rep, workspace.config, ctx.out.style, ctx.out.width));
}

/** `coach rep add|list|show|edit|remove|goal` */
export function defineRep(rep: Command, act: Act): Command {
  withExamples(
    rep
      .command("add")
      .argument("<name>", "the rep's full name")
      .option("--role <role>", "role, e.g. 'Account Executive'")
      .option("--style <style>", "behaviour style: driver, expressive, amiable or analytical")
      .option("--goal <goal>", "a goal of the rep's own, in their words (repeatable)", collect)
      .option("--focus <stage>", "the stage to focus coaching on")
      .description("add a rep to the workspace")
      .action(act(runRepAdd, ["name"])),
    'coach rep add "Alex Kim" --role "Account Executive" --style driver --goal "Make senior AE"',
  );
  withExamples(
    rep
      .command("list")
      .option("--all", "include archived reps")
      .description("list the reps (archived ones with --all)")
      .action(act(runRepList)),
    "coach rep list --json",
  );
  withExamples(
    rep
      .command("show")
      .argument("<rep>", "rep id or name")
      .description("show a rep's profile")
      .action(act(runRepShow, ["rep"])),
    "coach rep show alex-kim",
  );
  defineRepEdit(rep, act);
  defineRepGoal(rep.command("goal").description("add goals of the rep's own, mark them done or dropped"), act);
  return withExamples(rep, 'coach rep add "Alex Kim"', "coach rep list", "coach rep show alex-kim");
}
