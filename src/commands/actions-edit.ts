import { join } from "node:path";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { withEdit } from "../domain/closing.js";
import { requireGoal } from "../domain/goals.js";
import { assertSafeName } from "../domain/ids.js";
import { inline } from "../domain/markdown.js";
import { type Action, type ActionEdit, type CoachRecord, OWNERS, RECORD_SCHEMA, recordId } from "../domain/record.js";
import { badInput } from "../errors.js";
import { currentAction, locateAction } from "../store/actions.js";
import { writeNewRecord } from "../store/record-file.js";
import { randomId } from "../store/records.js";
import { requireRep } from "../store/reps.js";
import { workspaceOf } from "../store/workspace.js";
import { actionIdSchema, commitmentTextSchema, dueOrFail } from "./actions.js";
import { parseOptions } from "./options.js";

const editOptionsSchema = z.object({
  id: actionIdSchema,
  text: z.optional(commitmentTextSchema),
  due: z.optional(z.string()),
  owner: z.optional(
    z.pipe(z.string().check(z.toLowerCase()), z.enum(OWNERS, { error: `expected one of ${OWNERS.join(", ")}` })),
  ),
  // false: `--no-goal`, the commitment no longer serves a goal.
  goal: z.optional(z.union([z.literal(false), z.string().check(z.trim(), z.minLength(1, "name the goal, e.g. g1"))])),
});

/**
 * `coach actions edit <id>`: a correction written as an event of its own (a new note
 * record holding `edits`), never a rewrite of the record that made the commitment, so
 * two managers editing at once both keep their edit. The latest edit of a field counts.
 */
export async function runActionsEdit(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(editOptionsSchema, raw);
  if (options.text !== undefined) assertSafeName("the commitment", options.text);
  const workspace = await workspaceOf(ctx);
  const found = await locateAction(workspace.root, options.id);
  const before = await currentAction(workspace.root, found);
  const changes: Omit<ActionEdit, "action"> = {};
  if (options.text !== undefined && options.text !== before.text) changes.text = options.text;
  if (options.owner !== undefined && options.owner !== before.owner) changes.owner = options.owner;
  if (options.goal === false) {
    if (before.goal) changes.goal = null;
  } else if (options.goal !== undefined) {
    const goal = requireGoal(await requireRep(workspace.root, found.record.rep), options.goal);
    if (goal.id !== before.goal) changes.goal = goal.id;
  }
  if (options.due !== undefined) {
    if (before.status !== "open")
      throw badInput("action_closed", `action '${before.id}' is already ${before.status}: it has no due date to move`);
    const due = dueOrFail(options.due, ctx.today, "--due");
    if (due !== before.due) changes.due = due;
  }
  if ([options.text, options.owner, options.due, options.goal].every((given) => given === undefined))
    throw badInput(
      "invalid_option",
      "nothing to change",
      `give --text, --due, --owner, --goal or --no-goal, e.g. \`coach actions edit ${before.id} --due friday\``,
    );
  if (Object.keys(changes).length === 0) {
    if (ctx.out.json) return ctx.out.printJson({ written: [], id: before.id, action: before });
    ctx.out.info(`\`${before.id}\` already reads so: nothing changed`);
    return;
  }
  const record: CoachRecord = {
    schema: RECORD_SCHEMA,
    // The clock's time in the id orders two edits of one day as they were made.
    id: recordId(ctx.today, "note", `edit-${before.id}`, `${Date.now().toString(36).padStart(9, "0")}${randomId(3)}`),
    type: "note",
    rep: found.record.rep,
    date: ctx.today,
    status: "completed",
    edits: [{ action: before.id, ...changes }],
  };
  const after = withEdit(before, changes);
  const path = join(workspace.root, writeNewRecord(workspace.root, record, editBody(before, after, found.path)));
  if (ctx.out.json) return ctx.out.printJson({ written: [path], id: before.id, action: after });
  ctx.out.info(`Edited \`${before.id}\`: ${describe(after)} (${path})`);
}

function describe(action: Action): string {
  const goal = action.goal ? `, for goal ${action.goal}` : "";
  return `${inline(action.text)} (${action.owner}, ${action.due ? `due ${action.due}` : "no due date"}${goal})`;
}

function editBody(before: Action, after: Action, madeIn: string): string {
  return `\n# Edited: ${inline(after.text)}\n\n\`${after.id}\` from ${madeIn}\n\n- was: ${describe(before)}\n- now: ${describe(after)}\n`;
}
