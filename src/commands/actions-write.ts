import { join } from "node:path";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { type ClosedStatus, newAction, renderChecklist, uniqueActionId } from "../domain/actions.js";
import type { ActionEvent } from "../domain/closing.js";
import { requireGoal } from "../domain/goals.js";
import { assertSafeName, slugify } from "../domain/ids.js";
import { inline } from "../domain/markdown.js";
import { type CoachRecord, OWNERS, RECORD_SCHEMA, recordId } from "../domain/record.js";
import { badInput } from "../errors.js";
import { closeAction, locateAction, takenActionIds } from "../store/actions.js";
import { writeNewRecord } from "../store/record-file.js";
import { randomId } from "../store/records.js";
import { workspaceOf } from "../store/workspace.js";
import { ensureWorkspace } from "../store/workspace-setup.js";
import { actionIdSchema, commitmentTextSchema, dueOrFail } from "./actions.js";
import { chooseRep } from "./choose-rep.js";
import { parseOptions, recordDate } from "./options.js";

// The `coach actions` subcommands that write a record (add, done, drop). Kept apart from
// the list, which writes nothing: writing brings the YAML libraries, and listing does not.

const addOptionsSchema = z.object({
  rep: z.string(),
  text: commitmentTextSchema,
  due: z.optional(z.string()),
  owner: z._default(
    z.pipe(z.string().check(z.toLowerCase()), z.enum(OWNERS, { error: `expected one of ${OWNERS.join(", ")}` })),
    "rep",
  ),
  date: z.optional(z.string()),
  goal: z.optional(z.string().check(z.trim(), z.minLength(1, "name the goal, e.g. g1"))),
});

/**
 * `coach actions add`: one commitment made outside a session, written as a new `note`
 * record. A new file per commitment means parallel adds never touch the same file.
 */
export async function runActionsAdd(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(addOptionsSchema, raw);
  assertSafeName("the commitment", options.text);
  const workspace = await workspaceOf(ctx);
  const date = recordDate(options.date, ctx.today);
  const due = options.due === undefined ? null : dueOrFail(options.due, date, "--due");
  const rep = await chooseRep(workspace, options.rep, ctx, "actions add");
  const goal = options.goal === undefined ? undefined : requireGoal(rep, options.goal);
  const action = newAction(
    uniqueActionId(await takenActionIds(workspace.root), () => randomId(6)),
    options.text,
    options.owner,
    due,
    goal?.id,
  );
  const slug = slugify(options.text).slice(0, 32).replace(/-+$/, "") || "commitment";
  const record: CoachRecord = {
    schema: RECORD_SCHEMA,
    id: recordId(date, "note", slug, action.id),
    type: "note",
    rep: rep.id,
    date,
    status: "completed",
    actions: [action],
  };
  ensureWorkspace(workspace);
  const path = join(
    workspace.root,
    writeNewRecord(workspace.root, record, `\n# Commitment: ${rep.name}, ${date}\n\n${renderChecklist([action])}\n`),
  );
  if (ctx.out.json) return ctx.out.printJson({ written: [path], id: action.id, record: record.id });
  ctx.out.data(action.id);
  ctx.out.info(
    `Added \`${action.id}\` for ${rep.name}: ${inline(action.text)} (${action.owner}, ${due ? `due ${due}` : "no due date"}${goal ? `, for goal ${goal.id}` : ""}); close it with \`coach actions done ${action.id}\``,
  );
}

const closeOptionsSchema = z.object({
  id: actionIdSchema,
  date: z.optional(z.string()),
});

/**
 * `coach actions done|drop <id>`: records the close as an event of its own (a new note
 * record), then ticks the record that made the action, as a convenience.
 */
export function runActionsClose(status: ClosedStatus) {
  return async (raw: Record<string, unknown>, ctx: Context): Promise<void> => {
    const options = parseOptions(closeOptionsSchema, raw);
    const workspace = await workspaceOf(ctx);
    const date = recordDate(options.date, ctx.today);
    const found = await locateAction(workspace.root, options.id);
    if (found.closed) throw alreadyClosed(found.action.id, found.closed);
    if (date < found.record.date)
      throw options.date === undefined
        ? // Only a record dated ahead by hand (or by a machine whose clock ran fast) gets here.
          badInput(
            "invalid_record",
            `action '${found.action.id}' was made on ${found.record.date}, after today (${date}), says ${found.path}`,
            "correct that record's `date:` by hand, then run this again",
          )
        : badInput(
            "invalid_option",
            `--date ${date} is before the action was made (${found.record.date})`,
            "give the day it was really closed",
          );
    const outcome = await closeAction(workspace.root, found, status, date);
    if ("alreadyClosed" in outcome) throw alreadyClosed(found.action.id, outcome.alreadyClosed);
    if (ctx.out.json) return ctx.out.printJson({ written: outcome.written, id: found.action.id });
    ctx.out.info(
      `${status === "done" ? "Done" : "Dropped"} on ${date}: \`${found.action.id}\` ${inline(found.action.text)} (${found.path})`,
    );
  };
}

function alreadyClosed(id: string, close: ActionEvent) {
  return badInput(
    "action_closed",
    `action '${id}' is already ${close.status} (closed on ${close.date})`,
    "see `coach actions --all`",
  );
}
