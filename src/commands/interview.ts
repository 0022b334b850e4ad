import type { Context } from "../context.js";
import { promptIdOf, templateSpec } from "../domain/asking/spec.js";
import { type Answers, isAsked } from "../domain/questions.js";
import type { Answer } from "../domain/record.js";
import type { Question } from "../domain/template.js";
import { InterruptedError } from "../errors.js";
import { type AnswersFile, questionAnswers } from "../store/answers.js";
import { Asker, type PendingAsk } from "../ui/ask.js";
import { PromptCancelled } from "../ui/prompter.js";

/** Ctrl-C before anything was answered or typed: a draft would hold nothing to go on with (exit 130). */
export function nothingSaved(): InterruptedError {
  return new InterruptedError("interrupted before anything was answered; nothing was saved");
}

/** Ctrl-C after a draft was saved: where it is and how to go on (exit 130). */
export function draftSaved(path: string, resumeHint: string): InterruptedError {
  return new InterruptedError(`interrupted: what you answered is saved in the draft ${path}; ${resumeHint}`);
}

/**
 * The one way a write command gets answers: the `--answers` file first, then the person
 * at a terminal if there is one, then defaults; what is still missing is reported at once
 * by `asker.finish()`.
 */
export function askerFor(ctx: Context, file: AnswersFile | undefined, source: string, today: string): Asker {
  return new Asker({ file, source, today, person: ctx.interactive ? () => ctx.prompter() : undefined });
}

/**
 * Runs a flow of questions; on Ctrl-C at any prompt, `saveDraft` keeps what was answered
 * (and what was half-typed) and its error, exit 130, is thrown instead. `saveDraft` must be
 * synchronous: at the end of piped input the process may be going down.
 */
export async function withDraftOnCancel<T>(
  asker: Asker,
  saveDraft: (pending: PendingAsk | undefined) => InterruptedError,
  flow: () => Promise<T>,
): Promise<T> {
  try {
    return await flow();
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    throw saveDraft(asker.pending());
  }
}

/** What was typed into the open question when Ctrl-C came, as a draft keeps it. */
export interface PendingAnswer {
  question: string;
  text: string;
}

export function pendingAnswer(pending: PendingAsk | undefined): PendingAnswer | undefined {
  return pending ? { question: promptIdOf(pending.spec), text: pending.text } : undefined;
}

/** The half-typed answer a draft saved, if it holds one. */
export function pendingAnswerOf(record: Record<string, unknown> | undefined): PendingAnswer | undefined {
  const pending = record?.pending as Partial<PendingAnswer> | undefined;
  return typeof pending?.question === "string" && typeof pending.text === "string"
    ? { question: pending.question, text: pending.text }
    : undefined;
}

/** Answers recorded in a draft, back as a map by id. */
export function answersFromRecord(list: Answer[] | undefined): Answers {
  return Object.fromEntries((list ?? []).map((a) => [a.id, a.answer]));
}

/**
 * Asks each template question whose `when` holds and that has no answer yet, in order,
 * writing into `answers` as it goes so that an interruption leaves what was answered.
 * Half-typed text from a draft is offered as its question's default.
 */
export async function askQuestions(
  asker: Asker,
  questions: Question[],
  answers: Answers,
  pending?: PendingAnswer,
  dueDates: readonly string[] = [],
): Promise<void> {
  for (const question of questions) {
    if (!isAsked(question, answers) || question.id in answers) continue;
    const spec = templateSpec(question);
    if (dueDates.includes(question.id)) spec.dueDate = true;
    // A live 1:1 must never be stuck on a question: a required one can be skipped, and says so in the record.
    if (question.required) spec.skippable = true;
    if (pending?.question === question.id) spec.default = pending.text;
    const answer = await asker.ask(spec);
    if (answer !== undefined) answers[question.id] = answer;
  }
}

/**
 * A typo in an answers file would otherwise silently leave a question unanswered: ids
 * that are no question here, and follow-ups of commitments that are not open, are named.
 */
export function warnUnknownAnswers(
  file: AnswersFile | undefined,
  known: { questions: Question[]; followUps?: string[] },
  source: string,
  ctx: Pick<Context, "out">,
): void {
  if (!file) return;
  const ids = known.questions.map((q) => q.id);
  for (const id of Object.keys(questionAnswers(file)).filter((id) => !ids.includes(id)))
    ctx.out.warn(`${source}: '${id}' is not a question here; ignored (known: ${ids.join(", ")})`);
  if (!known.followUps) return;
  for (const id of Object.keys(file.follow_ups ?? {}).filter((id) => !known.followUps!.includes(id)))
    ctx.out.warn(
      `${source}: follow_ups: '${id}' is not an open commitment here; ignored (open: ${known.followUps.join(", ") || "none"})`,
    );
}
