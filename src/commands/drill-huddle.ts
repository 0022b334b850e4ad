import { join } from "node:path";
import type { Context } from "../context.js";
import type { DealCall } from "../domain/drill-record.js";
import {
  buildHuddleRecord,
  HUDDLE_SECONDS_PER_QUESTION,
  type HuddleRun,
  huddleQuestions,
  renderHuddleBody,
} from "../domain/huddle.js";
import type { Answers } from "../domain/questions.js";
import { recordId } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import { InterruptedError } from "../errors.js";
import type { AnswersFile } from "../store/answers.js";
import { randomId, writeNewRecord } from "../store/records.js";
import { ensureWorkspace, type Workspace } from "../store/workspace.js";
import { rehearsalLine } from "../ui/drill-view.js";
import { askerFor, askQuestions, pendingAnswer, warnUnknownAnswers, withDraftOnCancel } from "./interview.js";

export interface HuddleOptions {
  date: string;
  stage?: string;
  answers?: string;
  given?: AnswersFile;
  deal?: DealCall & { gateText?: string };
}

/**
 * `coach drill <rep> --huddle [--deal D]`: three unscored questions in at most three
 * minutes, the supportive talk before a call. The record has `mode: huddle` and no rounds,
 * so no practice schedule, drill cadence or review score counts it.
 */
export async function runHuddle(workspace: Workspace, rep: Rep, options: HuddleOptions, ctx: Context): Promise<void> {
  const questions = huddleQuestions(rep, options.deal);
  const source = options.answers === "-" ? "<stdin>" : (options.answers ?? "");
  warnUnknownAnswers(options.given, { questions }, source, ctx);
  const id = recordId(options.date, "drill", "huddle", randomId(4));
  const answers: Answers = {};
  const run = (status: HuddleRun["status"]): HuddleRun => ({
    id,
    rep,
    date: options.date,
    status,
    stage: options.deal?.stage ?? options.stage ?? rep.focus_stage ?? null,
    deal: options.deal,
    questions,
    answers,
  });
  const write = (status: HuddleRun["status"]): string => {
    ensureWorkspace(workspace);
    const huddle = run(status);
    return join(workspace.root, writeNewRecord(workspace.root, buildHuddleRecord(huddle), renderHuddleBody(huddle)));
  };

  if (ctx.interactive) ctx.out.screen(huddleIntro(rep, options.deal));
  const asker = askerFor(ctx, options.given, source, options.date);
  await withDraftOnCancel(
    asker,
    (pending) => {
      const half = pendingAnswer(pending);
      if (half) answers[half.question] = half.text;
      const draft = write("draft");
      return new InterruptedError(
        `interrupted: the huddle so far is saved as the draft ${draft}; a huddle is three minutes, so run it ` +
          `again with \`coach drill ${rep.id} --huddle\` and throw the draft away with \`coach drafts discard ${id}\``,
      );
    },
    () => askQuestions(asker, questions, answers),
  );
  asker.finish();
  const path = write("completed");
  if (ctx.out.json) return ctx.out.printJson({ written: [path], id });
  ctx.out.data(`Huddle with ${rep.name}, ${options.date}: unscored; no practice schedule changed.`);
  ctx.out.info(`Saved the huddle record: ${path}`);
}

function huddleIntro(rep: Rep, deal: DealCall | undefined): string {
  const minutes = (3 * HUDDLE_SECONDS_PER_QUESTION) / 60;
  return [
    `Huddle with ${rep.name}${deal ? ` before the call on ${deal.name}` : ""}: three questions, about ${minutes} minutes, no score.`,
    ...(deal ? [rehearsalLine(deal, false)] : []),
    "Ask each question, listen, and note a few words of the answer if it helps.",
  ].join("\n");
}
