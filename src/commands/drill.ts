import { join } from "node:path";
import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import type { Config } from "../domain/config.js";
import type { Deal } from "../domain/deal.js";
import { dealRounds } from "../domain/deal-warm-up.js";
import { chooseSkill, drillForSkill, drillStage, mainSkill, type RepHistory, warmUpRounds } from "../domain/drill.js";
import { type GivenRound, givenRoundProblems } from "../domain/drill-answers.js";
import {
  buildDrillRecord,
  type DrillMode,
  type DrillRun,
  type PendingRound,
  renderDrillBody,
} from "../domain/drill-record.js";
import { type RoundResult, recordId } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import { drillSchedule } from "../domain/schedule.js";
import type { LoadedTemplate } from "../domain/template.js";
import { appliesToStage } from "../domain/template-terms.js";
import { badInput } from "../errors.js";
import { loadAnswersFile } from "../store/answers.js";
import { requireRepDeal } from "../store/deal-file.js";
import { replaceRecord, writeNewRecord } from "../store/record-file.js";
import { randomId } from "../store/records.js";
import { requireReps } from "../store/reps.js";
import { loadTemplates, requireTemplate } from "../store/templates.js";
import { type Workspace, workspaceOf } from "../store/workspace.js";
import { ensureWorkspace } from "../store/workspace-setup.js";
import { drillIntro, drillSummary } from "../ui/drill-view.js";
import { chooseRep, withRecords } from "./choose-rep.js";
import { type Act, withExamples, withWriteOptions } from "./define.js";
import { draftToResume } from "./draft-resume.js";
import { dealCall } from "./drill-deal.js";
import { checkFilters, checkModeFlags, checkResumeFlags, warnStageWithoutDrill } from "./drill-flags.js";
import { runHuddle } from "./drill-huddle.js";
import { checkRoundsStillMatch, resumeDrill } from "./drill-resume.js";
import { playRounds, type ResultsByRep } from "./drill-rounds.js";
import { runDrillWeek } from "./drill-week.js";
import { askerFor } from "./interview.js";
import { parseOptions, recordDate, writeOptionsSchema } from "./options.js";

const drillOptionsSchema = z.extend(writeOptionsSchema, {
  reps: z._default(z.array(z.string()), []),
  stage: z.optional(z.string().check(z.toLowerCase())),
  skill: z.optional(z.string().check(z.toLowerCase())),
  template: z.optional(z.string()),
  preCall: z._default(z.boolean(), false),
  huddle: z._default(z.boolean(), false),
  deal: z.optional(
    z
      .string()
      .check(z.trim(), z.minLength(1, "name the deal"), z.maxLength(200, "keep the deal name under 200 characters")),
  ),
  week: z._default(z.boolean(), false),
  resume: z._default(z.boolean(), false),
});
export type DrillOptions = z.infer<typeof drillOptionsSchema>;

/** argv -> options -> load -> decide (skill, drill, rounds) -> ask (rounds) -> render -> write -> report. */
export async function runDrill(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(drillOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  const templates = await loadTemplates(workspace.root, workspace.config);
  checkFilters(workspace.config, templates, options);
  if (options.week) return runDrillWeek(workspace, templates, options, ctx);
  checkModeFlags(options);

  if (options.resume) checkResumeFlags(options);

  const given = options.answers ? await loadAnswersFile(options.answers, ctx) : undefined;
  const named = await resolveReps(workspace, options.reps, ctx);
  const resumed = options.resume ? await resumeDrill(workspace, named[0]!, ctx) : undefined;
  const reps = resumed?.reps ?? named;
  const histories: RepHistory[] = await withRecords(workspace.root, reps, ctx);
  // Starting afresh leaves a draft in place: say so, and how to continue it.
  if (!resumed && reps.length === 1)
    draftToResume(workspace.root, reps[0]!, histories[0]!.records, "drill", false, ctx);
  const date = resumed?.date ?? recordDate(options.date, ctx.today);
  const dealId = resumed ? resumed.deal : options.deal;
  const call = options.huddle ? "--huddle" : "--pre-call";
  const forItsRep = (d: Deal) => `warm up ${d.rep} for it: \`coach drill ${d.rep} ${call} --deal ${d.id}\``;
  const deal = dealId
    ? dealCall(workspace.config, requireRepDeal(workspace.root, dealId, reps[0]!.id, "prepare a call on it", forItsRep))
    : undefined;
  if (deal && options.stage && options.stage !== deal.stage)
    throw badInput(
      "invalid_option",
      `--stage ${options.stage}: deal '${deal.id}' is at ${deal.stage}, and the warm-up rehearses its stage`,
      `drop --stage, or move the deal first: \`coach deal stage ${deal.id} ${options.stage}\``,
    );
  if (options.huddle) return runHuddle(workspace, reps[0]!, { ...options, date, deal, given }, ctx);
  const mode: DrillMode = resumed?.mode ?? (options.preCall ? "pre-call" : reps.length > 1 ? "clinic" : "practice");
  const stage = options.stage ?? deal?.stage ?? (mode === "pre-call" ? (reps[0]!.focus_stage ?? undefined) : undefined);
  const { template, skill, reason } = resumed
    ? {
        template: requireTemplate(templates, resumed.template, "drill"),
        skill: resumed.skill,
        reason: "continued from the draft",
      }
    : chooseDrill(workspace.config, templates, histories, { ...options, stage }, options.stage, date);
  warnStageWithoutDrill(workspace.config, templates, stage, ctx);
  const rounds =
    mode === "pre-call"
      ? warmUpRounds([...(deal ? dealRounds(deal, skill) : []), ...template.template.rounds!])
      : template.template.rounds!;
  if (resumed) checkRoundsStillMatch(resumed, rounds, startAgain(mode, reps, dealId, template.template.id));
  const givenRounds = (given?.rounds ?? []) as GivenRound[];
  const problems = givenRoundProblems(
    rounds,
    givenRounds,
    reps.map((r) => r.id),
  );
  if (problems.errors.length)
    throw badInput("invalid_answer", `${options.answers}: ${problems.errors[0]}`, "fix the answers file and run again");
  for (const warning of problems.warnings) ctx.out.warn(`${options.answers}: ${warning}`);

  const base = {
    date,
    template: template.template,
    rounds,
    stage: resumed
      ? resumed.stage
      : drillStage(
          workspace.config,
          template.template,
          skill,
          stage && appliesToStage(template.template, stage) ? stage : undefined,
        ),
    skill,
    mode,
    deal,
  };
  const ids = new Map(
    reps.map((rep) => [rep.id, resumed?.drafts.get(rep.id)?.record.id ?? recordId(date, "drill", skill, randomId(4))]),
  );
  // A resumed draft is completed in its own file; a new drill's draft, once saved, is saved again in place.
  const paths = new Map([...(resumed?.drafts ?? [])].map(([rep, draft]) => [rep, draft.path]));
  const names = new Map(reps.map((rep) => [rep.id, rep.name]));
  const runFor = (rep: Rep, results: RoundResult[], status: DrillRun["status"], pending?: PendingRound): DrillRun => ({
    ...base,
    id: ids.get(rep.id)!,
    rep,
    status,
    results,
    pending,
    participants: mode === "clinic" ? reps.map((r) => r.id) : undefined,
  });
  const write = (run: DrillRun): string => {
    ensureWorkspace(workspace);
    const record = buildDrillRecord(run);
    const body = renderDrillBody(run, names);
    const path = paths.get(run.rep.id);
    if (path) replaceRecord(workspace.root, path, record, body);
    else paths.set(run.rep.id, writeNewRecord(workspace.root, record, body));
    return join(workspace.root, paths.get(run.rep.id)!);
  };
  const saveDrafts = (results: ResultsByRep, pending: Map<string, PendingRound>): string[] =>
    reps
      .filter((rep) => results.get(rep.id)!.length || pending.has(rep.id))
      .map((rep) => write(runFor(rep, results.get(rep.id)!, "draft", pending.get(rep.id))));

  if (ctx.interactive)
    ctx.out.screen(
      drillIntro(
        ctx.out.style,
        {
          mode,
          template: template.template,
          rounds,
          names: reps.map((r) => r.name),
          reason,
          deal,
        },
        ctx.out.columns,
      ),
    );
  const results = await playRounds({
    templateId: template.template.id,
    rounds,
    reps,
    asker: askerFor(ctx, given, options.answers === "-" ? "<stdin>" : (options.answers ?? ""), date),
    ctx,
    saveDrafts,
    ...(resumed ? { resumed } : {}),
  });
  const written = reps.map((rep) => write(runFor(rep, results.get(rep.id)!, "completed")));

  if (ctx.out.json) return ctx.out.printJson({ written, id: ids.get(reps[0]!.id), ids: [...ids.values()] });
  const outcomes = histories.map(({ rep, records }) => {
    const run = runFor(rep, results.get(rep.id)!, "completed");
    const after = [...records, { path: "", record: buildDrillRecord(run) }];
    return { id: rep.id, name: rep.name, results: run.results, next: drillSchedule(after, [skill], date)[0] };
  });
  ctx.out.data(
    `${ctx.interactive ? "\n" : ""}${template.template.title} (${mode}), ${date}\n${drillSummary(outcomes, skill, date)}`,
  );
  ctx.out.info(
    `Saved ${written.length > 1 ? `${written.length} drill records` : "the drill record"}: ${written.join(", ")}`,
  );
}

/** The command line that starts a resumed drill afresh: the same reps, drill or deal. */
function startAgain(mode: DrillMode, reps: Rep[], deal: string | undefined, template: string): string {
  const who = reps.map((rep) => rep.id).join(" ");
  if (mode === "pre-call") return `coach drill ${who} --pre-call${deal ? ` --deal ${deal}` : ""}`;
  return `coach drill ${who} --template ${template}`;
}

async function resolveReps(workspace: Workspace, given: string[], ctx: Context): Promise<Rep[]> {
  if (given.length <= 1) return [await chooseRep(workspace, given[0], ctx, "drill")];
  return requireReps(workspace.root, given);
}

/** The drill asked for, else the one for the most overdue skill; with why, for the intro. */
function chooseDrill(
  config: Config,
  templates: LoadedTemplate[],
  reps: RepHistory[],
  options: DrillOptions,
  requestedStage: string | undefined,
  date: string,
): { template: LoadedTemplate; skill: string; reason: string } {
  if (options.template) {
    const template = requireTemplate(templates, options.template, "drill");
    const { stages, rounds } = template.template;
    if (requestedStage && !stages.includes("any") && !stages.includes(requestedStage)) {
      throw badInput(
        "invalid_option",
        `drill '${template.template.id}' is for ${stages.join(", ")}, not '${requestedStage}'`,
        "drop --stage, or pick a drill for that stage (`coach templates list --kind drill`)",
      );
    }
    if (options.skill && !rounds!.some((r) => r.skill === options.skill)) {
      throw badInput(
        "invalid_option",
        `drill '${template.template.id}' does not train '${options.skill}'`,
        "drop --skill, or drop --template to pick a drill that trains it",
      );
    }
    return { template, skill: mainSkill(template.template), reason: "chosen with --template" };
  }
  const choice = chooseSkill(config, templates, reps, options, date);
  if (!choice)
    throw badInput(
      "no_drill",
      `no drill${options.stage ? ` for stage '${options.stage}'` : ""} found`,
      "add one under templates/drill/, or pass --template",
    );
  const template = drillForSkill(templates, choice.skill, options.stage)!;
  return { template, skill: mainSkill(template.template), reason: choice.reason };
}

/** `coach drill [rep...]` */
export function defineDrill(command: Command, act: Act): Command {
  return withExamples(
    withWriteOptions(
      command
        .argument("[rep...]", "rep ids or names: one for practice or a warm-up, several for a clinic")
        .option("--stage <stage>", "drill a skill of this stage (the call's stage for --pre-call)")
        .option("--skill <skill>", "drill this skill (default: the most overdue one)")
        .option("--template <id>", "the drill to run (default: the drill for the most overdue skill)")
        .option("--pre-call", "a warm-up of at most five minutes before a call")
        .option("--huddle", "three unscored questions in at most three minutes before a call; changes no schedule")
        .option("--deal <deal>", "the deal of the upcoming call (with --pre-call or --huddle): its stage, gate, style")
        .option("--week", "print the week's routine: what is due, for whom, and an order for the sales meeting")
        .option("--resume", "continue the rep's drill draft left by Ctrl-C (a clinic's: everyone who was in it)"),
    ).action(act(runDrill, ["reps"])),
    "coach drill alex-kim --pre-call --deal acme-renewal",
    "coach drill alex-kim --huddle --deal acme-renewal",
    "coach drill alex-kim sam-lee --template drill-objection-handling",
    "coach drill --week",
    "coach drill alex-kim --resume",
    "coach drill alex-kim --answers rounds.yaml --json",
  );
}
