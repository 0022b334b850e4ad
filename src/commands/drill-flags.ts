import type { Context } from "../context.js";
import { type Config, requireSkill, requireStage } from "../domain/config.js";
import { addDrillHint, drillableSkills, skillsWithoutDrill, trainedSkills } from "../domain/drill.js";
import type { LoadedTemplate } from "../domain/template.js";
import { badInput } from "../errors.js";
import type { DrillOptions } from "./drill.js";

// Which flags of `coach drill` go together: each check refuses a combination in one line.

/** `--stage`, `--skill` and `--template` name things that exist, and fit together. */
export function checkFilters(config: Config, templates: LoadedTemplate[], options: DrillOptions): void {
  if (options.stage) requireStage(config, options.stage);
  if (options.skill) requireSkill(config, options.skill);
  if (options.skill && !trainedSkills(templates).has(options.skill)) {
    throw badInput(
      "no_drill",
      `no drill trains '${options.skill}' yet`,
      "add one under templates/drill/ in the workspace (see `coach templates show drill-opening-statement` for the shape)",
    );
  }
  if (options.skill && options.stage && !drillableSkills(config, templates, options).length) {
    throw badInput(
      "no_drill",
      `no drill for stage '${options.stage}' trains '${options.skill}'`,
      "drop --stage, or pick a skill of that stage",
    );
  }
  if (
    options.week &&
    (options.template ||
      options.preCall ||
      options.huddle ||
      options.deal ||
      options.answers ||
      options.date ||
      options.resume)
  ) {
    throw badInput(
      "invalid_option",
      "--week only prints the week's routine; it takes no --template, --pre-call, --huddle, --deal, --answers, --date or --resume",
      "run the drill itself without --week",
    );
  }
}

/** A resumed drill is the draft's own: its drill, day, mode and deal, and the reps who were in it. */
export function checkResumeFlags(options: DrillOptions): void {
  const own = options.template || options.skill || options.stage || options.preCall || options.huddle;
  if (own || options.deal || options.date)
    throw badInput(
      "invalid_option",
      "--resume continues the draft's own drill, day, stage and deal",
      "leave out --template, --skill, --stage, --pre-call, --huddle, --deal and --date",
    );
  if (options.reps.length > 1)
    throw badInput(
      "invalid_option",
      "--resume takes one rep: a clinic's draft brings back everyone who was in it",
      `\`coach drill ${options.reps[0]} --resume\``,
    );
}

/** A stage whose skills no drill trains is drilled on a core skill meanwhile: said, with how to add one. */
export function warnStageWithoutDrill(
  config: Config,
  templates: LoadedTemplate[],
  stage: string | undefined,
  ctx: Context,
) {
  const untrained = stage ? skillsWithoutDrill(config, templates, { stage }) : [];
  const skills = config.stages.find((s) => s.id === stage)?.skills ?? [];
  if (!untrained.length || untrained.length < skills.length) return;
  ctx.out.warn(
    `no drill trains the skills of ${stage} yet (${skills.join(", ")}), so a drill for any stage is used; ` +
      `to practise ${skills[0]}: ${addDrillHint(skills[0]!)}`,
  );
}

export function checkModeFlags(options: DrillOptions): void {
  if (options.preCall && options.reps.length > 1) {
    throw badInput(
      "invalid_option",
      "--pre-call is a warm-up for one rep's upcoming call",
      `drill several reps together as a clinic: \`coach drill ${options.reps.join(" ")}\``,
    );
  }
  if (options.huddle && (options.preCall || options.template || options.skill || options.reps.length > 1))
    throw badInput(
      "invalid_option",
      "--huddle is three unscored questions with one rep before a call; it takes no --pre-call, --template or --skill",
      "drop those options, or run the warm-up with --pre-call instead",
    );
  if (options.deal && !options.preCall && !options.huddle)
    throw badInput("invalid_option", "--deal names the deal of an upcoming call", "add --pre-call or --huddle");
}
