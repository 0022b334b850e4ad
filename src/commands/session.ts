import { join } from "node:path";
import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { type CoachingFeedback, coachingFeedbackSpecs, feedbackDue } from "../domain/asking/coaching-feedback.js";
import { focusChoiceSpec } from "../domain/asking/focus-choice.js";
import { questionsToAsk } from "../domain/asking/rotation.js";
import { tookOverSpec } from "../domain/asking/took-over.js";
import { type Deal, type gatesWithoutEvidence, recordGate } from "../domain/deal.js";
import { GOALS_SLUG, isGoalsConversation } from "../domain/goals-first.js";
import { completedSessions, openActions } from "../domain/history.js";
import { pickTemplate } from "../domain/plan.js";
import { recordId } from "../domain/record.js";
import {
  buildSessionRecord,
  followUpAnswersFrom,
  type PendingText,
  renderSessionBody,
  type SessionInput,
} from "../domain/session-record.js";
import { badInput } from "../errors.js";
import { takenActionIds } from "../store/actions.js";
import { loadAnswersFile } from "../store/answers.js";
import { requireRepDeal, updateDeal } from "../store/deal-file.js";
import { replaceRecord, writeNewRecord } from "../store/record-file.js";
import { randomId, readRecords } from "../store/records.js";
import { loadTemplates } from "../store/templates.js";
import { workspaceOf } from "../store/workspace.js";
import { ensureWorkspace } from "../store/workspace-setup.js";
import { sessionSummary } from "../ui/agenda-view.js";
import type { PendingAsk } from "../ui/ask.js";
import { wrap } from "../ui/wrap.js";
import { chooseRep } from "./choose-rep.js";
import { askCommitments } from "./commitments.js";
import { type Act, withExamples, withWriteOptions } from "./define.js";
import { checkDraftAnswersAsked, draftToResume } from "./draft-resume.js";
import { askManagerName } from "./first-run.js";
import {
  answersFromRecord,
  askerFor,
  askQuestions,
  draftSaved,
  nothingSaved,
  pendingAnswer,
  pendingAnswerOf,
  warnUnknownAnswers,
  withDraftOnCancel,
} from "./interview.js";
import { lastAskedOn } from "./last-asked.js";
import { parseOptions, recordDate, writeOptionsSchema } from "./options.js";
import { askCoachingFeedback, askFollowUps, askGateEvidence } from "./session-asks.js";
import { applyFollowUps, markPlanHeld } from "./session-close.js";
import { addRevisitCommitment, dueDateQuestions, repWithNewGoals, saveGoalsToProfile } from "./session-goals.js";
import { applyFocusChoice, chooseSessionSetup } from "./session-setup.js";

const sessionOptionsSchema = z.extend(writeOptionsSchema, {
  rep: z.optional(z.string()),
  plan: z.optional(z.string()),
  template: z.optional(z.string()),
  resume: z._default(z.boolean(), false),
  deal: z.optional(z.string().check(z.trim(), z.minLength(1, "name the deal, e.g. acme-renewal"))),
});

/**
 * argv -> options -> load -> decide -> ask (the focus choice, follow-ups, the template's
 * questions, new commitments) -> write the session -> close the followed-up actions in their own
 * records and mark the plan held -> report.
 */
export async function runSession(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(sessionOptionsSchema, raw);
  if (options.resume && (options.plan || options.template))
    throw badInput(
      "invalid_option",
      "--resume continues the draft's own plan and template",
      "leave out --plan and --template",
    );
  const workspace = await workspaceOf(ctx);
  const templates = await loadTemplates(workspace.root, workspace.config);
  const given = options.answers ? await loadAnswersFile(options.answers, ctx) : undefined;
  const source = options.answers === "-" ? "<stdin>" : (options.answers ?? "");
  await askManagerName(workspace, ctx, options.answers !== undefined);
  const rep = await chooseRep(workspace, options.rep, ctx, "session");
  const { records, skipped } = await readRecords(workspace.root, rep.id);
  ctx.out.skippedRecords(skipped);

  const draft = draftToResume(workspace.root, rep, records, "session", options.resume, ctx);
  const date = options.date !== undefined ? recordDate(options.date, ctx.today) : (draft?.record.date ?? ctx.today);
  let setup = chooseSessionSetup(workspace.config, rep, records, templates, { ...options, date }, draft);
  // A resumed deal session keeps its deal and the evidence given before the interruption.
  const dealId = options.deal ?? (typeof draft?.record.deal === "string" ? draft.record.deal : undefined);
  const deal =
    dealId === undefined
      ? undefined
      : requireRepDeal(
          workspace.root,
          dealId,
          rep.id,
          "coach it",
          (d) => `coach its own rep: \`coach session ${d.rep} --deal ${d.id}\``,
        );
  if (deal && !options.template && !draft) setup = dealSetup(setup, deal, templates, workspace.config);
  const pending = pendingAnswerOf(draft?.record);
  const asker = askerFor(ctx, given, source, date);

  // Commitments made on or before the session's day are followed up (a back-dated session
  // does not ask about what was agreed after it).
  const followUps = openActions(records, date).filter((t) => t.made <= date);
  const taken = await takenActionIds(workspace.root);
  // A template with a bank of questions asks, this time, those after the ones its last 1:1 asked.
  // A resumed draft keeps the questions it answered, so no answer is dropped if the turn moved on.
  const answeredInDraft = (draft?.record.answers ?? []).map((a) => a.id);
  const questionsFor = (template: typeof setup.template) =>
    questionsToAsk(template, lastAskedOn(workspace.root, records, template.id, date), answeredInDraft);
  const input: SessionInput = {
    id: draft?.record.id ?? "",
    rep,
    date,
    status: "completed",
    template: setup.template,
    stage: setup.stage,
    plan: setup.plan?.record.id ?? null,
    followUps,
    followUpAnswers: followUpAnswersFrom(draft?.record.follow_ups),
    questions: questionsFor(setup.template),
    answers: answersFromRecord(draft?.record.answers),
    actions: [...(draft?.record.actions ?? [])],
    focusChosenBy: setup.chosenBy,
    ...(deal ? { deal: { id: deal.id, name: deal.name, evidence: evidenceOf(draft?.record.gates) } } : {}),
    ...(typeof draft?.record.took_over === "boolean" ? { tookOver: draft.record.took_over } : {}),
    ...(draft?.record.coaching_feedback
      ? { coachingFeedback: draft.record.coaching_feedback as CoachingFeedback }
      : {}),
  };
  if (draft) {
    const again = `coach session ${rep.id} --template ${input.template.id}${input.deal ? ` --deal ${input.deal.id}` : ""}`;
    checkDraftAnswersAsked(draft, input.questions, input.template.id, again);
  }

  let path = draft?.path;
  const save = (status: SessionInput["status"], pendingText?: PendingText): string => {
    ensureWorkspace(workspace);
    input.id ||= recordId(
      date,
      "session",
      isGoalsConversation(input.template) ? GOALS_SLUG : input.stage.id,
      randomId(4),
    );
    const session = { ...input, status, pending: pendingText };
    const record = buildSessionRecord(session);
    const body = renderSessionBody(session);
    if (path) replaceRecord(workspace.root, path, record, body);
    else path = writeNewRecord(workspace.root, record, body);
    return path;
  };
  const resumeHint = `continue with \`coach session ${rep.id} --resume\``;
  // Text half-typed before an earlier Ctrl-C is kept until its question is answered.
  const stillPending = () =>
    pending && input.questions.some((q) => q.id === pending.question) && !(pending.question in input.answers)
      ? pending
      : undefined;
  let focusAnswered = false;
  const saveDraft = (half: PendingAsk | undefined) => {
    const typed = pendingAnswer(half) ?? stillPending();
    // A new session with nothing answered and nothing typed leaves no draft to resume.
    if (!path && !typed && !focusAnswered && nothingAnswered(input)) return nothingSaved();
    return draftSaved(join(workspace.root, save("draft", typed)), resumeHint);
  };

  // The rep is asked what to work on unless the manager chose it here (--template, a deal):
  // a plan made beforehand is the manager's suggestion, which the rep may keep or change.
  const askFocus = !draft && (setup.chosenBy === "tool" || (Boolean(setup.plan) && !options.template && !deal));
  // Every fourth 1:1 asks the rep how the coaching works for them.
  const askFeedback = feedbackDue(completedSessions(records).filter((s) => s.date <= date).length);
  await withDraftOnCancel(asker, saveDraft, async () => {
    if (askFocus) {
      if (asker.hasPerson && !ctx.out.json)
        ctx.out.info(ctx.out.fitted(`1:1 with ${rep.name}, ${date}: ${setup.why}.`, wrap));
      const suggested = setup.topic ?? setup.stage.name;
      const choice = await asker.ask(focusChoiceSpec(workspace.config, suggested, rep.goals));
      focusAnswered = choice !== undefined;
      if (typeof choice === "string") setup = applyFocusChoice(workspace.config, templates, setup, choice, rep.goals);
      // Kept, the questions stand as worked out above (no second read of the last 1:1).
      const questions = setup.template === input.template ? input.questions : questionsFor(setup.template);
      Object.assign(input, { template: setup.template, stage: setup.stage, questions, focusChosenBy: setup.chosenBy });
    }
    warnUnknownAnswers(
      given,
      {
        // The whole bank is known: an answer to a question resting this time is no typo.
        questions: [...(setup.template.questions ?? []), ...coachingFeedbackSpecs(rep.name), tookOverSpec(rep.name)],
        followUps: followUps.map((t) => t.action.id),
      },
      source,
      ctx,
    );
    if (asker.hasPerson && !ctx.out.json) {
      const toAsk = followUps.filter(({ action }) => !(action.id in input.followUpAnswers)).length;
      const said = askFocus ? "" : `1:1 with ${rep.name}, ${date}: `;
      const why = askFocus && setup.chosenBy === "tool" ? "" : ` (${setup.why})`;
      const first = toAsk ? ` First, ${toAsk} open commitment${toAsk === 1 ? "" : "s"} to follow up.` : "";
      ctx.out.info(ctx.out.fitted(`${said}${setup.template.title}${why}.${first}`, wrap));
    }
    await askFollowUps(asker, followUps, input.followUpAnswers);
    if (deal && input.deal) await askGateEvidence(asker, workspace.config, deal, input.deal.evidence);
    await askQuestions(asker, input.questions, input.answers, pending, dueDateQuestions(input));
    addRevisitCommitment(input, taken);
    await askCommitments(asker, { rep: repWithNewGoals(input), taken, actions: input.actions, pending });
    if (askFeedback && !input.coachingFeedback) input.coachingFeedback = await askCoachingFeedback(asker, rep.name);
    if (input.tookOver === undefined) input.tookOver = (await asker.ask(tookOverSpec(rep.name))) === true;
  });
  asker.finish();

  const written = [join(workspace.root, save("completed"))];
  written.push(...markPlanHeld(workspace.root, setup.plan, input.id, ctx));
  written.push(...(await applyFollowUps(workspace.root, input, ctx)));
  written.push(...saveGoalsToProfile(workspace, input));
  if (deal && input.deal && Object.keys(input.deal.evidence).length) {
    const evidence = input.deal.evidence;
    const updated = updateDeal(
      workspace,
      deal.id,
      (current) =>
        Object.entries(evidence).reduce(
          (changed, [gate, text]) => recordGate(changed, gate, { met: true, evidence: text, date }),
          current,
        ),
      deal.rep,
    );
    written.push(join(workspace.root, updated.path));
  }
  if (ctx.out.json) return ctx.out.printJson({ written, id: input.id });
  if (ctx.out.options.quiet) return ctx.out.data(written[0]!);
  ctx.out.data(sessionSummary(input, written[0]!, ctx.out.style, ctx.out.width));
}

function nothingAnswered(input: SessionInput): boolean {
  return (
    Object.keys(input.answers).length === 0 &&
    Object.keys(input.followUpAnswers).length === 0 &&
    input.actions.length === 0 &&
    Object.keys(input.deal?.evidence ?? {}).length === 0 &&
    input.tookOver === undefined &&
    input.coachingFeedback === undefined
  );
}

/** The deal named by `--deal`: it must be this rep's, and open. */
/** The gate evidence a draft kept, as text by gate id. */
function evidenceOf(saved: unknown): Record<string, string> {
  if (typeof saved !== "object" || saved === null) return {};
  return Object.fromEntries(
    Object.entries(saved).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** A deal session works on the deal's stage: that stage's session template, chosen by the manager. */
function dealSetup(
  setup: ReturnType<typeof chooseSessionSetup>,
  deal: Deal,
  templates: Parameters<typeof pickTemplate>[0],
  config: Parameters<typeof gatesWithoutEvidence>[0],
): ReturnType<typeof chooseSessionSetup> {
  const stage = config.stages.find((s) => s.id === deal.stage);
  const template = stage ? pickTemplate(templates, "session", stage.id)?.template : undefined;
  if (!stage || !template) return { ...setup, why: `deal coaching: ${deal.name}`, chosenBy: "manager" };
  return { ...setup, stage, template, why: `deal coaching: ${deal.name} at ${stage.name}`, chosenBy: "manager" };
}

/** `coach session [rep]` */
export function defineSession(command: Command, act: Act): Command {
  return withExamples(
    withWriteOptions(
      command
        .argument("[rep]", "rep id or name (asked for in a terminal)")
        .option(
          "--plan <id>",
          "the plan to follow: a plan id, or 'latest' (default: the rep's latest plan not yet held)",
        )
        .option("--template <id>", "session template to use instead of the plan's")
        .option("--resume", "continue the rep's draft session")
        .option("--deal <deal>", "coach one deal: asks for the buyer's evidence of each gate it still lacks"),
    ).action(act(runSession, ["rep"])),
    "coach session alex-kim",
    "coach session alex-kim --resume",
    "coach session alex-kim --deal acme-renewal",
    "coach session alex-kim --date 2026-11-20 --answers notes.yaml",
  );
}
