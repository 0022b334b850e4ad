import { join } from "node:path";
import { z } from "zod";
import type { Context } from "../context.js";
import { openActions } from "../domain/history.js";
import { type Answers, missingAnswers } from "../domain/questions.js";
import { recordId } from "../domain/record.js";
import {
  buildSessionRecord,
  followUpQuestion,
  type PendingText,
  renderSessionBody,
  type SessionInput,
} from "../domain/session-record.js";
import type { Question } from "../domain/template.js";
import { badInput } from "../errors.js";
import { takenActionIds } from "../store/actions.js";
import { loadAnswersFile, questionAnswers } from "../store/answers.js";
import { randomId, readRecords, replaceRecord, writeNewRecord } from "../store/records.js";
import { loadTemplates } from "../store/templates.js";
import { ensureWorkspace, workspaceOf } from "../store/workspace.js";
import { PromptCancelled } from "../ui/prompter.js";
import { chooseRep } from "./choose-rep.js";
import { askCommitments, type CommitmentAsking, commitmentsFromFile } from "./commitments.js";
import { draftToResume } from "./drafts.js";
import {
  answersFromRecord,
  checkGivenAnswers,
  draftSaved,
  interview,
  missingAnswersError,
  pendingAnswerOf,
} from "./interview.js";
import { parseOptions, recordDate, writeOptionsSchema } from "./options.js";
import { applyFollowUps, markPlanHeld } from "./session-close.js";
import { chooseSessionSetup } from "./session-setup.js";

const sessionOptionsSchema = writeOptionsSchema.extend({
  rep: z.string().optional(),
  plan: z.string().optional(),
  template: z.string().optional(),
  resume: z.boolean().default(false),
});

/**
 * argv -> options -> load -> decide -> ask (follow-ups, the template's questions, new
 * commitments) -> write the session -> close the followed-up actions in their own
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
  const workspace = workspaceOf(ctx);
  const templates = loadTemplates(workspace.root, workspace.config);
  const given = options.answers ? await loadAnswersFile(options.answers, ctx) : undefined;
  const source = options.answers === "-" ? "<stdin>" : (options.answers ?? "");
  const rep = await chooseRep(workspace, options.rep, ctx, "session");
  const { records, skipped } = readRecords(workspace.root, rep.id);
  ctx.out.skippedRecords(skipped);

  const draft = draftToResume(workspace.root, rep, records, "session", options.resume, ctx);
  const date = options.date !== undefined ? recordDate(options.date, ctx.today) : (draft?.record.date ?? ctx.today);
  const setup = chooseSessionSetup(workspace.config, rep, records, templates, { ...options, date }, draft?.record);
  const pending = pendingAnswerOf(draft?.record);

  // Commitments made on or before the session's day are followed up (a back-dated session
  // does not ask about what was agreed after it).
  const followUps = openActions(records, date).filter((t) => t.made <= date);
  const followUpQuestions = followUps.map((t) => followUpQuestion(t, date));
  const questions = setup.template.questions ?? [];
  const taken = takenActionIds(workspace.root);
  const input: SessionInput = {
    id: draft?.record.id ?? recordId(date, "session", setup.stage.id, randomId(4)),
    rep,
    date,
    status: "completed",
    template: setup.template,
    stage: setup.stage,
    plan: setup.plan?.record.id ?? null,
    followUps,
    followUpAnswers: {
      ...Object.fromEntries((draft?.record.follow_ups ?? []).map((f) => [f.action, f.status])),
      ...givenFollowUps(given?.follow_ups, followUpQuestions, ctx, source),
    },
    questions,
    answers: {
      ...answersFromRecord(draft?.record.answers),
      ...(given ? checkGivenAnswers(questions, questionAnswers(given), date, ctx, source) : {}),
    },
    actions: [
      ...(draft?.record.actions ?? []),
      ...(given?.actions ? commitmentsFromFile(given.actions, date, taken, source) : []),
    ],
  };
  if (!ctx.interactive) {
    // Half-typed text from a draft counts as an answer, as interview() offers it.
    const offered = questions.map((q) => (q.id === pending?.question ? { ...q, default: pending.text } : q));
    const missing = [
      ...missingAnswers(followUpQuestions, input.followUpAnswers),
      ...missingAnswers(offered, input.answers),
    ];
    if (missing.length) throw missingAnswersError(missing);
  } else if (!ctx.out.json) {
    const toAsk = followUps.filter(({ action }) => !(action.id in input.followUpAnswers)).length;
    ctx.out.info(
      `1:1 with ${rep.name}, ${date}: ${setup.template.title} (${setup.why}).${toAsk ? ` First, ${toAsk} open commitment${toAsk === 1 ? "" : "s"} to follow up.` : ""}`,
    );
  }

  let path = draft?.path;
  const save = (status: SessionInput["status"], pendingText?: PendingText): string => {
    ensureWorkspace(workspace);
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
    pending && questions.some((q) => q.id === pending.question) && !(pending.question in input.answers)
      ? pending
      : undefined;
  const saveDraft = (_: Answers, half: PendingText | undefined) =>
    join(workspace.root, save("draft", half ?? stillPending()));
  await interview({ questions: followUpQuestions, answers: input.followUpAnswers, ctx, saveDraft, resumeHint });
  await interview({ questions, answers: input.answers, ctx, saveDraft, pending, resumeHint });
  if (ctx.interactive && !given?.actions)
    await askForCommitments(
      ctx,
      { rep, date, taken, actions: input.actions, pending },
      (half) => saveDraft(input.answers, half),
      resumeHint,
    );

  const written = [join(workspace.root, save("completed"))];
  written.push(...markPlanHeld(workspace.root, setup.plan, input.id, ctx));
  written.push(...applyFollowUps(workspace.root, input, ctx));
  if (ctx.out.json) return ctx.out.printJson({ written, id: input.id });
  ctx.out.data(renderSessionBody(input).trimStart());
  ctx.out.info(`Session saved to ${written[0]}`);
}

/** Follow-ups from an answers file; an id that is not an open commitment of this rep is reported and ignored. */
function givenFollowUps(
  given: Record<string, string> | undefined,
  questions: Question[],
  ctx: Context,
  source: string,
): Answers {
  const known = new Set(questions.map((q) => q.id));
  const answers: Answers = {};
  for (const [id, status] of Object.entries(given ?? {})) {
    if (known.has(id)) answers[id] = status;
    else
      ctx.out.warn(
        `${source}: follow_ups: '${id}' is not an open commitment here; ignored (open: ${[...known].join(", ") || "none"})`,
      );
  }
  return answers;
}

async function askForCommitments(
  ctx: Context,
  state: CommitmentAsking,
  saveDraft: (pending: PendingText | undefined) => string,
  resumeHint: string,
): Promise<void> {
  const prompter = await ctx.prompter();
  try {
    await askCommitments(prompter, state);
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    const text = prompter.pendingText?.();
    const path = saveDraft(text && state.asking ? { question: state.asking, text } : undefined);
    throw draftSaved(path, resumeHint);
  }
}
