import type { DealCall } from "./drill-record.js";
import { inline, renderAnswerValue } from "./markdown.js";
import { answerList } from "./plan-record.js";
import type { Answers } from "./questions.js";
import { type CoachRecord, RECORD_SCHEMA } from "./record.js";
import type { Rep } from "./rep.js";
import type { Question } from "./template.js";

/** A huddle is three questions in at most three minutes: a minute each. */
export const HUDDLE_SECONDS_PER_QUESTION = 60;

/** The whole huddle's budget; a question that takes less leaves its time to the next. */
export const HUDDLE_SECONDS = 3 * HUDDLE_SECONDS_PER_QUESTION;

/** Seconds of the huddle left once `spent` seconds were listened to; 0 when the time is up. */
export function huddleTimeLeft(spent: number): number {
  return Math.max(0, HUDDLE_SECONDS - spent);
}

/**
 * The conference on the mound before a call: short, supportive and unscored. It asks what
 * the rep wants from the call, readies them for the moment they are least sure of, and
 * reminds them of what they do well. With a deal, the first question names its open gate.
 */
export function huddleQuestions(rep: Pick<Rep, "name">, deal?: DealCall): Question[] {
  const buyer = deal ? `the buyer on ${deal.name}` : "the buyer";
  const gate = deal?.gate ? ` What would you need to hear to know '${deal.gateText ?? deal.gate}'?` : "";
  const question = (id: string, prompt: string): Question => ({
    id,
    prompt,
    type: "text",
    required: false,
    default: "",
    help: `${rep.name}'s answer in a few words (optional); about a minute`,
  });
  return [
    question("aim", `What do you want ${buyer} to agree to by the end of this call?${gate}`),
    question("hard-moment", "Which moment of the call are you least sure of, and what is your first sentence for it?"),
    question("strength", "What have you done well on calls like this one that you will do again today?"),
  ];
}

export interface HuddleRun {
  id: string;
  rep: Rep;
  date: string;
  status: "completed" | "draft";
  stage: string | null;
  deal?: DealCall;
  questions: Question[];
  answers: Answers;
}

/** A huddle is a drill record with `mode: huddle`, answers and no rounds, so no schedule counts it. */
export function buildHuddleRecord(run: HuddleRun): CoachRecord {
  return {
    schema: RECORD_SCHEMA,
    id: run.id,
    type: "drill",
    rep: run.rep.id,
    date: run.date,
    status: run.status,
    template: null,
    stage: run.stage,
    coaching_kind: run.deal ? "deal" : "training",
    focus: "both",
    skill: null,
    mode: "huddle",
    ...(run.deal ? { deal: run.deal.id } : {}),
    ...(run.deal?.gate ? { gate: run.deal.gate } : {}),
    answers: answerList(run.questions, run.answers),
  };
}

export function renderHuddleBody(run: HuddleRun): string {
  const call = run.deal ? ` before the call on ${inline(run.deal.name)}` : "";
  const sections = [
    `# Huddle: ${run.rep.name}, ${run.date}${run.status === "draft" ? " (draft)" : ""}`,
    `**Mode:** huddle${call}, unscored; it changes no practice schedule`,
    ...run.questions.map((q) => {
      const answer = run.answers[q.id];
      // Every question put to the rep has an answer, if only "": one without was never asked.
      const note = !(q.id in run.answers) ? "_(not asked)_" : answer ? renderAnswerValue(answer) : "_(not noted)_";
      return `## ${inline(q.prompt)}\n\n${note}`;
    }),
  ];
  return `\n${sections.join("\n\n")}\n`;
}
