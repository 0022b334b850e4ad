import type { Context } from "../context.js";
import { closest, isSlug, slugify } from "../domain/ids.js";
import type { StoredRecord } from "../domain/record.js";
import { BEHAVIOUR_STYLES, type BehaviourStyle, type Rep } from "../domain/rep.js";
import { badInput, InterruptedError } from "../errors.js";
import { readRecords } from "../store/records.js";
import { findRep, loadAllReps, unknownRep } from "../store/reps.js";
import type { Workspace } from "../store/workspace.js";
import { PromptCancelled, type Prompter } from "../ui/prompter.js";
import { addRep } from "./rep.js";

const NEW_REP = "\u0000new";
const CANCEL = "\u0000cancel";

/**
 * The rep a command is about. In a terminal, a missing rep is chosen from a list and
 * an unknown one can be added on the spot; in a script both are exit-2 errors.
 */
export async function chooseRep(
  workspace: Workspace,
  nameOrId: string | undefined,
  ctx: Context,
  command: string,
): Promise<Rep> {
  if (nameOrId !== undefined) {
    const rep = await findRep(workspace.root, nameOrId);
    if (rep) return rep;
    if (!ctx.interactive) throw unknownRep(workspace.root, nameOrId);
  } else if (!ctx.interactive) {
    throw badInput(
      "missing_rep",
      "which rep? give a rep id or name",
      `e.g. \`coach ${command} alex-kim\`; see \`coach rep list\``,
    );
  }
  const prompter = await ctx.prompter();
  try {
    return await askForRep(workspace, nameOrId, prompter, ctx);
  } catch (error) {
    if (error instanceof PromptCancelled) throw new InterruptedError("interrupted before anything was written");
    throw error;
  }
}

/** Each rep with its records, oldest first; records broken by hand are reported, not fatal. */
export async function withRecords(
  root: string,
  reps: Rep[],
  ctx: Pick<Context, "out">,
): Promise<{ rep: Rep; records: StoredRecord[] }[]> {
  const histories = [];
  for (const rep of reps) {
    const { records, skipped } = await readRecords(root, rep.id);
    ctx.out.skippedRecords(skipped);
    histories.push({ rep, records });
  }
  return histories;
}

/** The reps whose id is close to what was typed ("sam" for "sam-lee", "alx-kim" for "alex-kim"). */
function closeTo(typed: string, reps: Rep[]): Rep[] {
  const typedId = slugify(typed) || typed;
  return reps.filter((r) => closest(typedId, [r.id]) === r.id);
}

/** An id typed on the command line offered as a name: `alx-kim` reads as "Alx Kim". */
function asName(typed: string): string {
  if (!isSlug(typed)) return typed;
  return typed
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

async function askForRep(
  workspace: Workspace,
  typed: string | undefined,
  prompter: Prompter,
  ctx: Context,
): Promise<Rep> {
  const reps = await loadAllReps(workspace.root, (problem) => ctx.out.warn(`skipped a broken rep profile: ${problem}`));
  if (typed === undefined && reps.length) {
    const choice = await prompter.select({
      id: "rep",
      message: "Which rep is this for?",
      choices: [
        ...reps.map((r) => ({ value: r.id, name: `${r.name} (${r.id})` })),
        { value: NEW_REP, name: "Someone new: add a rep" },
      ],
    });
    if (choice !== NEW_REP) return reps.find((r) => r.id === choice)!;
  } else if (typed !== undefined && closeTo(typed, reps).length) {
    // A typo must not create a rep: the close matches come first, and adding is never the default.
    const near = closeTo(typed, reps);
    const choice = await prompter.select({
      id: "rep_match",
      message: `No rep '${typed}'. Did you mean:`,
      choices: [
        ...near.map((r) => ({ value: r.id, name: `${r.name} (${r.id})` })),
        { value: NEW_REP, name: `Someone new: add '${typed}' as a rep` },
        { value: CANCEL, name: "Cancel" },
      ],
      default: near[0]!.id,
    });
    if (choice === CANCEL) throw unknownRep(workspace.root, typed);
    if (choice !== NEW_REP) return near.find((r) => r.id === choice)!;
  } else {
    const question =
      typed === undefined ? "No reps yet. Add your first rep now?" : `No rep '${typed}' yet. Add them now?`;
    if (!(await prompter.confirm({ id: "add_rep", message: question, default: true }))) {
      throw typed === undefined
        ? badInput("missing_rep", "no rep chosen", 'add one with `coach rep add "Alex Kim"`')
        : unknownRep(workspace.root, typed);
    }
  }
  const name = await prompter.input({
    id: "rep_name",
    message: "Rep's full name:",
    default: typed === undefined ? undefined : asName(typed),
    validate: (value) => (value.trim() ? true : "a name is needed"),
  });
  const role = await prompter.input({ id: "rep_role", message: "Role (optional):", default: "" });
  const style = await prompter.select({
    id: "rep_style",
    message: "Behaviour style, if you know it:",
    choices: [{ value: "", name: "not sure yet" }, ...BEHAVIOUR_STYLES.map((s) => ({ value: s, name: s }))],
    default: "",
  });
  const goals = await prompter.input({
    id: "rep_goals",
    message: "Their own goals, in their words (separate with ';', optional):",
    default: "",
  });
  const { rep, path } = await addRep(
    workspace,
    {
      name: name.trim(),
      role: role.trim(),
      style: (style || undefined) as BehaviourStyle | undefined,
      goal: goals
        .split(";")
        .map((g) => g.trim())
        .filter(Boolean),
    },
    ctx.today,
  );
  ctx.out.info(`Added ${rep.name} as '${rep.id}' (${path})`);
  return rep;
}
