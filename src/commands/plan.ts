import { join } from "node:path";
import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { MINDSET_SESSION } from "../domain/asking/focus-choice.js";
import { questionsToAsk } from "../domain/asking/rotation.js";
import { requireStage, stageById } from "../domain/config.js";
import { passedGateWarnings } from "../domain/deal.js";
import { GENERATED, generatedNote } from "../domain/generated-templates.js";
import {
  GOALS_FIRST_REASON,
  GOALS_PLAN,
  GOALS_SESSION,
  GOALS_SLUG,
  goalsConversationDue,
} from "../domain/goals-first.js";
import { completedSessions, openActions } from "../domain/history.js";
import { describeLastSession, summariseSession } from "../domain/last-session.js";
import { mindsetNeeded } from "../domain/mindset-focus.js";
import { chooseFocus, coachingWarnings, pickTemplate, SELF_CHECK_ID } from "../domain/plan.js";
import { buildPlanRecord, type PlanInput, renderPlanBody } from "../domain/plan-record.js";
import { answerWarnings } from "../domain/questions.js";
import { type CoachRecord, recordId, type StoredRecord } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import type { LoadedTemplate, Template } from "../domain/template.js";
import { badInput } from "../errors.js";
import { loadAnswersFile } from "../store/answers.js";
import { loadDeals } from "../store/deals.js";
import { readRecordFile, replaceRecord, writeNewRecord } from "../store/record-file.js";
import { randomId, readRecords } from "../store/records.js";
import { loadTemplates, requireTemplate } from "../store/templates.js";
import { workspaceOf } from "../store/workspace.js";
import { ensureWorkspace } from "../store/workspace-setup.js";
import { planAgenda } from "../ui/agenda-view.js";
import { wrap } from "../ui/wrap.js";
import { chooseRep } from "./choose-rep.js";
import { type Act, withExamples, withWriteOptions } from "./define.js";
import { checkDraftAnswersAsked, draftsTemplate, draftToResume } from "./draft-resume.js";
import { drillsDueFor } from "./drills-due.js";
import { askManagerName } from "./first-run.js";
import {
  answersFromRecord,
  askerFor,
  askQuestions,
  draftSaved,
  nothingSaved,
  type PendingAnswer,
  pendingAnswer,
  pendingAnswerOf,
  warnUnknownAnswers,
  withDraftOnCancel,
} from "./interview.js";
import { lastAskedOn } from "./last-asked.js";
import { parseOptions, recordDate, writeOptionsSchema } from "./options.js";

const planOptionsSchema = z.extend(writeOptionsSchema, {
  rep: z.optional(z.string()),
  stage: z.optional(z.string().check(z.toLowerCase())),
  template: z.optional(z.string()),
  resume: z._default(z.boolean(), false),
});

/** argv -> options -> load -> decide -> ask -> render -> write -> report. */
export async function runPlan(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(planOptionsSchema, raw);
  // The draft's answers belong to its template's questions: another template would file them under other prompts.
  if (options.resume && (options.stage || options.template))
    throw badInput(
      "invalid_option",
      "--resume continues the draft's own stage and template",
      "leave out --stage and --template",
    );
  const workspace = await workspaceOf(ctx);
  const { config } = workspace;
  if (options.stage) requireStage(config, options.stage);
  const templates = await loadTemplates(workspace.root, config);
  const given = options.answers ? await loadAnswersFile(options.answers, ctx) : undefined;
  await askManagerName(workspace, ctx, options.answers !== undefined);
  const rep = await chooseRep(workspace, options.rep, ctx, "plan");
  const { records, skipped } = await readRecords(workspace.root, rep.id);
  ctx.out.skippedRecords(skipped);

  const date = recordDate(options.date, ctx.today);
  const resumed = draftToResume(workspace.root, rep, records, "plan", options.resume, ctx);

  const resumedStage =
    resumed && !options.stage && typeof resumed.record.reason === "string"
      ? stageById(config, resumed.record.stage ?? "")
      : undefined;
  const managerChose = Boolean(options.stage || options.template);
  // A rep never coached and with no open goal starts from their own goals (a resumed plan keeps what it was).
  const goals = managerChose ? undefined : goalsConversation(templates, rep, records, resumed?.record);
  // Low core-skill ratings make the mindset session the next focus, unless the manager chose
  // otherwise; a resumed plan keeps the session it named.
  const mindset = managerChose || goals || resumed ? undefined : mindsetNeeded(config, records);
  const chosen = resumedStage
    ? { stage: resumedStage, reason: resumed!.record.reason as string }
    : chooseFocus(config, rep, records, options.stage);
  const focus = goals
    ? { ...chosen, reason: GOALS_FIRST_REASON, topic: `${rep.name}'s own goals` }
    : mindset && !resumedStage
      ? { ...chosen, reason: mindset.reason }
      : chosen;
  const planTemplate = resumed
    ? draftsTemplate(templates, resumed, "plan", rep.id)
    : options.template
      ? requireTemplate(templates, options.template, "plan")
      : (goals?.plan ?? pickTemplate(templates, "plan", focus.stage.id));
  if (!planTemplate)
    throw badInput(
      "no_template",
      `no plan template for stage '${focus.stage.id}'`,
      "add one under templates/plan/ or pass --template",
    );
  const selfCheck = templates.find(
    (t) => t.template.id === SELF_CHECK_ID && t.template.id !== planTemplate.template.id,
  );
  const questions = [...(selfCheck?.template.questions ?? []), ...(planTemplate.template.questions ?? [])];
  const { id: templateId } = planTemplate.template;
  if (resumed) checkDraftAnswersAsked(resumed, questions, templateId, `coach plan ${rep.id} --template ${templateId}`);
  const mindsetSession = mindset && templates.find((t) => t.template.id === MINDSET_SESSION)?.template;
  const stageSession = pickTemplate(templates, "session", focus.stage.id);
  const namedSession = resumed
    ? templates.find((t) => t.template.kind === "session" && t.template.id === resumed.record.session_template)
    : undefined;
  const sessionTemplate = withQuestionsToAsk(
    workspace.root,
    records,
    namedSession?.template ?? goals?.session ?? (mindsetSession || stageSession?.template),
    date,
  );
  const generated = [planTemplate, goals || mindsetSession ? undefined : stageSession].filter(
    (t) => t?.source === GENERATED,
  );
  const openDeals = (
    await loadDeals(workspace.root, rep.id, (problem) => ctx.out.warn(`skipped a broken deal: ${problem}`))
  ).filter((deal) => deal.status === "open");

  const input: PlanInput = {
    id: resumed?.record.id ?? recordId(date, "plan", goals ? GOALS_SLUG : focus.stage.id, randomId(4)),
    rep,
    date,
    status: "planned",
    focus,
    warnings: [
      ...(generated.length
        ? [
            generatedNote(
              focus.stage,
              generated.map((t) => t!.template),
            ),
          ]
        : []),
      ...coachingWarnings(config, rep, records, date),
      ...openDeals.flatMap((deal) => passedGateWarnings(config, deal)),
    ],
    template: planTemplate.template,
    sessionTemplate,
    questions,
    answers: answersFromRecord(resumed?.record.answers),
    followUps: openActions(records, date),
    drillsDue: drillsDueFor(config, rep, records, date, templates),
    deals: { config, open: openDeals },
    lastSession: lastSessionLine(workspace.root, records, templates, date),
    selfCheck: (selfCheck?.template.questions ?? []).map((q) => q.id),
  };
  if (ctx.interactive && !ctx.out.json) ctx.out.info(previewAgenda(input, ctx.out.width));

  let path = resumed?.path;
  const save = (status: PlanInput["status"], pending?: PendingAnswer): string => {
    ensureWorkspace(workspace);
    const plan = { ...input, status };
    const record = { ...buildPlanRecord(plan), ...(pending ? { pending } : {}) };
    const body = renderPlanBody(plan, date);
    if (path) replaceRecord(workspace.root, path, record, body);
    else path = writeNewRecord(workspace.root, record, body);
    return path;
  };
  const source = options.answers === "-" ? "<stdin>" : (options.answers ?? "");
  warnUnknownAnswers(given, { questions }, source, ctx);
  const asker = askerFor(ctx, given, source, date);
  const resumeHint = `continue with \`coach plan ${rep.id} --resume\``;
  const saveDraft = (pending: PendingAnswer | undefined) =>
    // A new plan with nothing answered and nothing typed leaves no draft to resume.
    !path && !pending && Object.keys(input.answers).length === 0
      ? nothingSaved()
      : draftSaved(join(workspace.root, save("draft", pending)), resumeHint);
  await withDraftOnCancel(
    asker,
    (pending) => saveDraft(pendingAnswer(pending)),
    () => askQuestions(asker, questions, input.answers, pendingAnswerOf(resumed?.record)),
  );
  asker.finish();
  input.warnings.push(...answerWarnings(questions, input.answers));
  const written = join(workspace.root, save("planned"));
  if (ctx.out.json) return ctx.out.printJson({ written: [written], id: input.id });
  if (ctx.out.options.quiet) return ctx.out.data(written);
  ctx.out.data(planAgenda(input, written, ctx.out.style, ctx.out.width));
}

/** The goals plan and session, when a plan should start from the rep's own goals (and both templates exist). */
function goalsConversation(
  templates: LoadedTemplate[],
  rep: Rep,
  records: StoredRecord[],
  resumed: CoachRecord | undefined,
): { plan: LoadedTemplate; session: Template } | undefined {
  const due = resumed ? resumed.template === GOALS_PLAN : goalsConversationDue(rep, records);
  const plan = templates.find((t) => t.template.id === GOALS_PLAN && t.template.kind === "plan");
  const session = templates.find((t) => t.template.id === GOALS_SESSION && t.template.kind === "session");
  return due && plan && session ? { plan, session: session.template } : undefined;
}

/** The last completed 1:1 by `date`, read in full (summaries hold no answers) and described in one line. */
function lastSessionLine(
  root: string,
  records: StoredRecord[],
  templates: LoadedTemplate[],
  date: string,
): string | undefined {
  const lastId = completedSessions(records)
    .filter((s) => s.date <= date)
    .at(-1)?.id;
  const last = records.find(({ record }) => record.id === lastId);
  if (!last) return undefined;
  const { record } = readRecordFile(root, last.path);
  return describeLastSession(
    summariseSession(record, templates.find((t) => t.template.id === record.template)?.template),
  );
}

/** The session's questions as the 1:1 will ask them: a template's bank rotates from its last 1:1. */
function withQuestionsToAsk(
  root: string,
  records: StoredRecord[],
  template: Template | undefined,
  date: string,
): Template | undefined {
  if (!template?.ask) return template;
  return { ...template, questions: questionsToAsk(template, lastAskedOn(root, records, template.id, date)) };
}

function previewAgenda(input: PlanInput, width: number): string {
  const { focus } = input;
  const lines = [`Planning a 1:1 with ${input.rep.name}. Focus: ${focus.topic ?? focus.stage.name} (${focus.reason}).`];
  if (input.lastSession) lines.push(input.lastSession);
  for (const warning of input.warnings) lines.push(`! ${warning}`);
  if (input.followUps.length) lines.push(`${input.followUps.length} open commitment(s) to follow up.`);
  return lines.map((line) => wrap(line, width, "", line.startsWith("! ") ? "  " : "")).join("\n");
}

/** `coach plan [rep]` */
export function definePlan(command: Command, act: Act): Command {
  return withExamples(
    withWriteOptions(
      command
        .argument("[rep]", "rep id or name (asked for in a terminal)")
        .option("--stage <stage>", "focus stage (default: the rep's focus, else the weakest or least-coached stage)")
        .option("--template <id>", "plan template to use")
        .option("--resume", "continue the rep's draft plan"),
    ).action(act(runPlan, ["rep"])),
    "coach plan alex-kim",
    "coach plan alex-kim --stage discovery --answers prep.yaml",
  );
}
