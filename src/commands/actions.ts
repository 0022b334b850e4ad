import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import {
  type ActionFilter,
  actionRow,
  selectActions,
  sharedActionIds,
  sharedActionProblem,
  trimSpaces,
} from "../domain/actions.js";
import { parseDue, WHEN_FORMS } from "../domain/when.js";
import { badInput } from "../errors.js";
import { readRecords } from "../store/records.js";
import { requireRep } from "../store/reps.js";
import { workspaceOf } from "../store/workspace.js";
import { renderActionList } from "../ui/action-view.js";
import { type Act, refuseWithNegation, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

const listOptionsSchema = z.object({
  rep: z.optional(z.string()),
  open: z.optional(z.boolean()),
  overdue: z.optional(z.boolean()),
  all: z.optional(z.boolean()),
  format: z._default(z.enum(["text", "csv", "md"], { error: "expected text, csv or md" }), "text"),
  out: z.optional(z.string().check(z.minLength(1, "give a file name, e.g. --out plan.md"))),
});

/** `coach actions [rep] [--open|--overdue|--all]`: the commitments, overdue ones first. */
export async function runActionsList(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(listOptionsSchema, raw);
  const chosen = (["open", "overdue", "all"] as const).filter((flag) => options[flag]);
  if (chosen.length > 1)
    throw badInput(
      "invalid_option",
      `choose one of --open, --overdue, --all (got ${chosen.map((f) => `--${f}`).join(" and ")})`,
      "see `coach actions --help`",
    );
  const filter: ActionFilter = chosen[0] ?? "open";
  const workspace = await workspaceOf(ctx);
  const rep = options.rep === undefined ? undefined : await requireRep(workspace.root, options.rep);
  if (options.out && options.format !== "md")
    throw badInput(
      "invalid_option",
      "--out writes the action plan",
      "add --format md, e.g. `--format md --out plan.md`",
    );
  if (options.format === "md") {
    if (!rep)
      throw badInput(
        "invalid_option",
        "--format md is one rep's action plan",
        "name the rep: `coach actions alex-kim --format md`",
      );
    if (ctx.out.json && !options.out)
      throw badInput(
        "invalid_option",
        "--json prints JSON; it cannot go with --format md",
        "drop one, or add --out FILE",
      );
    return (await import("./action-plan.js")).writeActionPlan(workspace, rep, options.out, ctx);
  }
  const { records, skipped } = await readRecords(workspace.root, rep?.id);
  ctx.out.skippedRecords(skipped);
  if (skipped.length)
    ctx.out.warn(
      `${skipped.length} record${skipped.length === 1 ? "" : "s"} skipped; their commitments are not listed`,
    );

  for (const [id, paths] of sharedActionIds(records)) {
    const { message, fix } = sharedActionProblem(id, paths);
    ctx.out.warn(`${message}; \`done\`, \`drop\` and \`edit\` refuse it until you ${fix}`);
  }
  const selected = selectActions(records, filter, ctx.today);
  if (ctx.out.json && options.format !== "text")
    throw badInput("invalid_option", `--json prints JSON; it cannot go with --format ${options.format}`, "drop one");
  if (ctx.out.json) return ctx.out.printJson(selected.map(actionRow));
  // A spreadsheet wants the header even when there is no row.
  if (options.format === "csv") return ctx.out.data((await import("../domain/csv.js")).actionsCsv(selected));
  const whose = rep ? ` for ${rep.name}` : "";
  if (selected.length === 0) {
    ctx.out.info(filter === "all" ? `No commitments${whose} yet.` : `No ${filter} commitments${whose}.`);
    return;
  }
  ctx.out.data(renderActionList(selected, ctx.today, ctx.out.style, !rep, ctx.out.width));
}

/** A commitment's text, as `actions add` and `actions edit` take it: spaces tidied, never empty. */
export const commitmentTextSchema = z
  .string()
  .check(z.overwrite(trimSpaces), z.minLength(1, "a commitment needs text"));

/** An action id, as `actions done|drop|edit` take it: ids are lowercase, and a paste may bring spaces. */
export const actionIdSchema = z.string().check(z.trim(), z.toLowerCase(), z.minLength(1, "give the action id"));

/** A WHEN as typed, or an exit-2 error that lists the forms accepted. */
export function dueOrFail(text: string, today: string, where: string): string {
  const due = parseDue(text, today);
  if (!due) throw badInput("invalid_when", `${where}: '${text}' is not a date I know`, `use one of: ${WHEN_FORMS}`);
  if (due < today)
    throw badInput(
      "invalid_when",
      `${where}: ${due} is before ${today}, the day of this record`,
      "give a day from then on",
    );
  return due;
}

/** `coach actions [rep]`, `coach actions add|done|drop` */
export function defineActions(actions: Command, act: Act): Command {
  withExamples(
    actions
      .argument("[rep]", "only this rep's commitments")
      .option("--open", "open commitments, overdue first (the default)")
      .option("--overdue", "only open commitments past their due date")
      .option("--all", "open and closed commitments")
      .option(
        "--format <format>",
        "text, csv (a header row, one row per commitment) or md (the rep's action plan, to hand them)",
      )
      .option("--out <file>", "with --format md: write the action plan to this file")
      .action(act(runActionsList, ["rep"])),
    "coach actions",
    "coach actions alex-kim --overdue",
    "coach actions --all --json",
    "coach actions --all --format csv > commitments.csv",
    "coach actions alex-kim --format md --out plan.md",
  );
  withExamples(
    actions
      .command("add")
      .argument("<rep>", "rep id or name")
      .argument("<text>", "what will be done")
      .option(
        "--due <WHEN>",
        "due date: YYYY-MM-DD, today, tomorrow, friday, 3d, 2w, next week, next month, end of month",
      )
      .option("--owner <owner>", "who owns it: rep or manager", "rep")
      .option("--goal <goal-id>", "the rep's goal it serves (an id from `coach rep show`)")
      .option("--date <when>", "back-date the record: YYYY-MM-DD, yesterday, friday (the last one), 3d")
      .description("add a commitment made outside a session")
      .action(act(async (raw, ctx) => (await import("./actions-write.js")).runActionsAdd(raw, ctx), ["rep", "text"])),
    'coach actions add alex-kim "Send the recap to Acme" --due friday',
    'coach actions add alex-kim "Book the pricing review" --owner manager --due 2w',
    'coach actions add alex-kim "Run the Acme discovery call alone" --goal g2 --due friday',
  );
  withExamples(
    refuseWithNegation(
      actions
        .command("edit")
        .argument("<action-id>", "the id shown by `coach actions`")
        .option("--text <text>", "what will be done, reworded")
        .option("--due <WHEN>", "a new due date: YYYY-MM-DD, tomorrow, friday, 3d, 2w, next week, end of month")
        .option("--owner <owner>", "who owns it: rep or manager")
        .option("--goal <goal-id>", "the rep's goal it serves (an id from `coach rep show`)")
        .option("--no-goal", "it no longer serves a goal")
        .description("correct a commitment: its text, due date, owner or the goal it serves")
        .action(act(async (raw, ctx) => (await import("./actions-edit.js")).runActionsEdit(raw, ctx), ["id"])),
      "goal",
    ),
    "coach actions edit k7m2qx --due friday",
    'coach actions edit k7m2qx --text "Send the recap and the pricing sheet" --owner manager',
    "coach actions edit k7m2qx --goal g2",
  );
  for (const [name, description, status] of [
    ["done", "mark a commitment done", "done"],
    ["drop", "drop a commitment (it will not be done)", "dropped"],
  ] as const) {
    withExamples(
      actions
        .command(name)
        .argument("<action-id>", "the id shown by `coach actions`")
        .option("--date <when>", "the day it was closed: YYYY-MM-DD, yesterday, 3d (default: today)")
        .description(description)
        .action(
          act(async (raw, ctx) => (await import("./actions-write.js")).runActionsClose(status)(raw, ctx), ["id"]),
        ),
      `coach actions ${name} k7m2qx`,
      `coach actions ${name} k7m2qx --date 2026-11-20`,
    );
  }
  return actions;
}
