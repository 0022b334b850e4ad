import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { requireStage } from "../domain/config.js";
import { BEHAVIOUR_STYLES } from "../domain/rep.js";
import { requireRep } from "../store/reps.js";
import { workspaceOf } from "../store/workspace.js";
import { type Act, refuseWithNegation, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

/**
 * The profile editor, loaded by the runs that edit: it brings `yaml`, which `rep list` and
 * `rep show` (in the same command file) do without.
 */
export const profileEditor = () => import("../store/rep-edit.js");

export const repNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, "a rep needs a name"),
  z.maxLength(100, "keep the name under 100 characters"),
  z.refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "a name cannot hold control characters"),
);

export const repStyleSchema = z.pipe(
  z.string().check(z.toLowerCase()),
  z.enum(BEHAVIOUR_STYLES, { error: `expected one of ${BEHAVIOUR_STYLES.join(", ")}` }),
);

const repEditOptionsSchema = z.object({
  rep: z.string(),
  name: z.optional(repNameSchema),
  role: z.optional(z.string().check(z.trim())),
  style: z.optional(repStyleSchema),
  // `--focus STAGE` sets it, `--no-focus` (false) clears it.
  focus: z.optional(z.union([z.string().check(z.trim(), z.toLowerCase(), z.minLength(1)), z.literal(false)])),
});

export async function runRepEdit(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(repEditOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  const rep = await requireRep(workspace.root, options.rep);
  if (typeof options.focus === "string") requireStage(workspace.config, options.focus);
  const changes: Record<string, unknown> = {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.role !== undefined ? { role: options.role } : {}),
    ...(options.style !== undefined ? { style: options.style } : {}),
    ...(options.focus !== undefined ? { focus_stage: options.focus || null } : {}),
  };
  if (Object.keys(changes).length === 0) {
    ctx.out.info(`Nothing to change for ${rep.name}: give --name, --role, --style, --focus or --no-focus`);
    return;
  }
  const { editRepProfile } = await profileEditor();
  const edited = editRepProfile(workspace, rep.id, (profile) => {
    for (const [key, value] of Object.entries(changes)) profile.set(key, value);
  });
  if (ctx.out.json) return ctx.out.printJson(edited);
  const shown = Object.entries(changes).map(([key, value]) => `${key} ${value ?? "none"}`);
  ctx.out.info(`Updated ${edited.name} (${edited.id}): ${shown.join(", ")}`);
}

export async function runRepRemove(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const { rep: id } = parseOptions(z.object({ rep: z.string() }), raw);
  const workspace = await workspaceOf(ctx);
  const rep = await requireRep(workspace.root, id);
  if (rep.archived) {
    ctx.out.info(`${rep.name} was archived on ${rep.archived} already`);
    return;
  }
  const { editRepProfile } = await profileEditor();
  const edited = editRepProfile(workspace, rep.id, (profile) => profile.set("archived", ctx.today));
  if (ctx.out.json) return ctx.out.printJson(edited);
  ctx.out.info(
    `Archived ${rep.name} (${rep.id}); the records stay. \`coach rep list --all\` still shows them; ` +
      `to bring them back, delete the \`archived:\` line of reps/${rep.id}/rep.yaml`,
  );
}

/** `coach rep edit|remove` */
export function defineRepEdit(rep: Command, act: Act): void {
  withExamples(
    refuseWithNegation(
      rep
        .command("edit")
        .argument("<rep>", "rep id or name")
        .option("--name <name>", "the rep's full name (the id stays)")
        .option("--role <role>", "role, e.g. 'Account Executive'")
        .option("--style <style>", "behaviour style: driver, expressive, amiable or analytical")
        .option("--focus <stage>", "the stage to focus coaching on")
        .option("--no-focus", "let each plan choose the focus again")
        .description("change a rep's profile (comments in rep.yaml stay)")
        .action(act(runRepEdit, ["rep"])),
      "focus",
    ),
    "coach rep edit alex-kim --style analytical --no-focus",
  );
  withExamples(
    rep
      .command("remove")
      .argument("<rep>", "rep id or name")
      .description("archive a rep: lists and team reviews leave them out, the records stay")
      .action(act(runRepRemove, ["rep"])),
    "coach rep remove alex-kim",
  );
}
