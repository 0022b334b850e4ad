import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { requireSkill, requireStage } from "../domain/config.js";
import { type Goal, type GoalStatus, goalToYaml, nextGoalId } from "../domain/goals.js";
import { assertSafeName } from "../domain/ids.js";
import { inline } from "../domain/markdown.js";
import { parseDue, WHEN_FORMS } from "../domain/when.js";
import { badInput } from "../errors.js";
import type { ProfileDocument } from "../store/rep-edit.js";
import { requireRep } from "../store/reps.js";
import { workspaceOf } from "../store/workspace.js";
import { type Act, collect, withExamples } from "./define.js";
import { parseOptions } from "./options.js";
import { profileEditor } from "./rep-edit.js";

const text = z.string().check(z.trim(), z.minLength(1));

const goalAddOptionsSchema = z.object({
  rep: z.string(),
  text: text.check(z.maxLength(300, "keep a goal under 300 characters")),
  why: z.optional(text),
  skill: z._default(z.array(z.string().check(z.trim(), z.toLowerCase())), []),
  stage: z.optional(z.string().check(z.trim(), z.toLowerCase())),
  measure: z.optional(text),
  by: z.optional(z.string()),
});

export async function runGoalAdd(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(goalAddOptionsSchema, raw);
  assertSafeName("the goal", options.text);
  if (options.why !== undefined) assertSafeName("--why", options.why);
  const workspace = await workspaceOf(ctx);
  const rep = await requireRep(workspace.root, options.rep);
  const skills = [...new Set(options.skill.map((skill) => requireSkill(workspace.config, skill)))];
  if (options.stage) requireStage(workspace.config, options.stage);
  const by = options.by === undefined ? undefined : goalDate(options.by, ctx.today);
  let added: Goal | undefined;
  const { editRepProfile } = await profileEditor();
  editRepProfile(workspace, rep.id, (profile, current) => {
    added = {
      id: nextGoalId(current.goals),
      text: options.text,
      ...(options.why ? { why: options.why } : {}),
      ...(skills.length ? { skills } : {}),
      ...(options.stage ? { stage: options.stage } : {}),
      ...(options.measure ? { measure: options.measure } : {}),
      ...(by ? { by } : {}),
      status: "open",
      added: ctx.today,
    };
    materializeGoals(profile, current.goals);
    profile.setGoal(current.goals.length, goalToYaml(added));
  });
  const goal = added!;
  if (ctx.out.json) return ctx.out.printJson({ rep: rep.id, goal });
  ctx.out.data(goal.id);
  ctx.out.info(
    `Added goal \`${goal.id}\` for ${rep.name}: ${inline(goal.text)}${goal.by ? ` (by ${goal.by})` : ""}; ` +
      `mark it with \`coach rep goal done ${rep.id} ${goal.id}\``,
  );
}

const goalCloseOptionsSchema = z.object({
  rep: z.string(),
  goal: z.string().check(z.trim(), z.toLowerCase(), z.minLength(1)),
});

function runGoalClose(status: GoalStatus) {
  return async (raw: Record<string, unknown>, ctx: Context): Promise<void> => {
    const options = parseOptions(goalCloseOptionsSchema, raw);
    const workspace = await workspaceOf(ctx);
    const rep = await requireRep(workspace.root, options.rep);
    const index = rep.goals.findIndex((goal) => goal.id === options.goal);
    if (index < 0) {
      const ids = rep.goals.map((goal) => `${goal.id} (${goal.status})`);
      throw badInput(
        "invalid_id",
        `${rep.name} has no goal '${options.goal}'`,
        ids.length ? `goals: ${ids.join(", ")}` : `add one with \`coach rep goal add ${rep.id} "..."\``,
      );
    }
    const { editRepProfile } = await profileEditor();
    const edited = editRepProfile(workspace, rep.id, (profile, current) => {
      materializeGoals(profile, current.goals);
      profile.setGoal(index, { status });
    });
    const goal = edited.goals[index]!;
    if (ctx.out.json) return ctx.out.printJson({ rep: rep.id, goal });
    ctx.out.info(`Goal \`${goal.id}\` of ${rep.name} is now ${status}: ${inline(goal.text)}`);
  };
}

/**
 * Goals written as plain strings get their id and status written out, so each keeps its
 * id whatever is added or removed later.
 */
export function materializeGoals(profile: ProfileDocument, goals: Goal[]): void {
  for (const [index, goal] of goals.entries()) profile.setGoal(index, goalToYaml(goal));
}

/** `--by`: a WHEN as typed, today or later. */
function goalDate(typed: string, today: string): string {
  const date = parseDue(typed, today);
  if (!date) throw badInput("invalid_when", `--by: '${typed}' is not a date I know`, `use one of: ${WHEN_FORMS}`);
  if (date < today) throw badInput("invalid_when", `--by: ${date} is in the past`, "give today or a later day");
  return date;
}

/** `coach rep goal add|done|drop` */
export function defineRepGoal(goal: Command, act: Act): Command {
  withExamples(
    goal
      .command("add")
      .argument("<rep>", "rep id or name")
      .argument("<text>", "the goal, in the rep's own words")
      .option("--why <why>", "why it matters to the rep")
      .option("--skill <skill>", "a skill the goal needs (repeatable)", collect)
      .option("--stage <stage>", "the stage of the sales process it is about")
      .option("--measure <measure>", "how the rep will know it is reached")
      .option("--by <when>", `when, e.g. ${WHEN_FORMS}`)
      .description("add a goal of the rep's own")
      .action(act(runGoalAdd, ["rep", "text"])),
    'coach rep goal add alex-kim "Close a six-figure deal" --why "make senior AE" --stage close --by "end of month"',
  );
  for (const [name, status, description] of [
    ["done", "done", "mark a goal reached"],
    ["drop", "dropped", "drop a goal the rep no longer pursues"],
  ] as const) {
    withExamples(
      goal
        .command(name)
        .argument("<rep>", "rep id or name")
        .argument("<goal-id>", "the goal's id, as `coach rep show` lists it")
        .description(description)
        .action(act(runGoalClose(status), ["rep", "goal"])),
      `coach rep goal ${name} alex-kim g1`,
    );
  }
  return withExamples(goal, 'coach rep goal add alex-kim "Make senior AE"', "coach rep goal done alex-kim g1");
}
