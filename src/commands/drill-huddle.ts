import { join } from "node:path";
import type { Context } from "../context.js";
import { templateSpec } from "../domain/asking/spec.js";
import type { DealCall } from "../domain/drill-record.js";
import {
  buildHuddleRecord,
  HUDDLE_SECONDS,
  type HuddleRun,
  huddleQuestions,
  huddleTimeLeft,
  renderHuddleBody,
} from "../domain/huddle.js";
import type { Answers } from "../domain/questions.js";
import { recordId } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import type { Question } from "../domain/template.js";
import { InterruptedError } from "../errors.js";
import type { AnswersFile } from "../store/answers.js";
import { writeNewRecord } from "../store/record-file.js";
import { randomId } from "../store/records.js";
import type { Workspace } from "../store/workspace.js";
import { ensureWorkspace } from "../store/workspace-setup.js";
import type { Asker } from "../ui/ask.js";
import { formatClock } from "../ui/countdown.js";
import { rehearsalLine } from "../ui/drill-view.js";
import { wrap } from "../ui/wrap.js";
import {
  askerFor,
  askQuestions,
  nothingSaved,
  pendingAnswer,
  warnUnknownAnswers,
  withDraftOnCancel,
} from "./interview.js";

export interface HuddleOptions {
  date: string;
  stage?: string;
  answers?: string;
  given?: AnswersFile;
  deal?: DealCall;
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

  if (ctx.interactive) ctx.out.screen(huddleIntro(rep, options.deal, ctx.out.width));
  const asker = askerFor(ctx, options.given, source, options.date);
  const asked = await withDraftOnCancel(
    asker,
    (pending) => {
      const half = pendingAnswer(pending);
      if (half) answers[half.question] = half.text;
      // Nothing noted and nothing half-typed (every question may be left empty): no draft to go on with.
      if (!Object.values(answers).some((answer) => answer !== null && answer !== "")) return nothingSaved();
      const draft = write("draft");
      return new InterruptedError(
        `interrupted: the huddle so far is saved as the draft ${draft}; a huddle is three minutes, so run it ` +
          `again with \`coach drill ${rep.id} --huddle\` and throw the draft away with \`coach drafts discard ${id}\``,
      );
    },
    () => askAgainstTheClock(asker, questions, answers, ctx),
  );
  asker.finish();
  const path = write("completed");
  if (ctx.out.json) return ctx.out.printJson({ written: [path], id });
  if (asked < questions.length)
    ctx.out.data(`The three minutes were up after question ${asked} of ${questions.length}; what was said is kept.`);
  ctx.out.data(`Huddle with ${rep.name}, ${options.date}: unscored; no practice schedule changed.`);
  ctx.out.info(`Saved the huddle record: ${path}`);
}

/**
 * With a person at the terminal, each question runs the countdown on what is left of the
 * three minutes (Enter starts it while the rep answers, Enter again moves on to the note);
 * when the time runs out the huddle ends after that question's note. Answers from a file
 * are taken without a clock. Returns how many questions were asked.
 */
async function askAgainstTheClock(asker: Asker, questions: Question[], answers: Answers, ctx: Context) {
  let spent = 0;
  for (const [index, question] of questions.entries()) {
    const left = huddleTimeLeft(spent);
    const prompter = asker.hasPerson && !asker.given(templateSpec(question)) ? await asker.personPrompter() : undefined;
    if (prompter?.countdown) {
      const heading = `Question ${index + 1} of ${questions.length}, ${formatClock(left)} of the huddle left: `;
      ctx.out.screen(wrap(`${heading}${question.prompt}`, ctx.out.width));
      const timed = await prompter.countdown({ id: `${question.id}-timer`, message: question.prompt, seconds: left });
      spent += timed.elapsed;
    }
    await askQuestions(asker, [question], answers);
    if (huddleTimeLeft(spent) === 0) return index + 1;
  }
  return questions.length;
}

function huddleIntro(rep: Rep, deal: DealCall | undefined, width: number): string {
  const minutes = HUDDLE_SECONDS / 60;
  return [
    `Huddle with ${rep.name}${deal ? ` before the call on ${deal.name}` : ""}: three questions, about ${minutes} minutes, no score.`,
    ...(deal ? [rehearsalLine(deal, false)] : []),
    `Ask each question and press Enter as the rep starts to answer: the clock shows what is left of the ` +
      `${formatClock(HUDDLE_SECONDS)} (about a minute each). Enter again, then note a few words if it helps; ` +
      "when the time is up the huddle ends there.",
  ]
    .map((line) => wrap(line, width))
    .join("\n");
}
