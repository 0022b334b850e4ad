import { anchorsLine } from "./asking/spec.js";
import type { Config } from "./config.js";
import { type Deal, renderOpenDeals } from "./deal.js";
import { openGoals } from "./goals.js";
import { describeActionTiming, type TrackedAction } from "./history.js";
import { inline, renderAnswers } from "./markdown.js";
import type { FocusChoice } from "./plan.js";
import type { Answers } from "./questions.js";
import { isAsked } from "./questions.js";
import { type Answer, type CoachRecord, RECORD_SCHEMA } from "./record.js";
import { type Rep, STYLE_ADAPTATION } from "./rep.js";
import type { Question, Template } from "./template.js";
import { GROW_STEPS } from "./template-terms.js";

export interface PlanInput {
  id: string;
  rep: Rep;
  date: string;
  status: "planned" | "draft";
  focus: FocusChoice;
  warnings: string[];
  template: Template;
  /** The session template whose questions the manager will ask. */
  sessionTemplate: Template | undefined;
  /** The self-check and plan questions, in the order asked. */
  questions: Question[];
  answers: Answers;
  followUps: TrackedAction[];
  /** Drills due for this rep, as "skill (due date)". */
  drillsDue: string[];
  /** The rep's open deals, listed with the gates they still lack evidence for. */
  deals?: { config: Config; open: Deal[] };
  /** What the last 1:1 agreed: "Last 1:1 (2026-11-20): goal ..., way forward ..., ratings ...". */
  lastSession?: string;
  /** The ids of the manager's self-check questions among `questions`, when it was asked. */
  selfCheck?: string[];
}

/**
 * The self-check as the record keeps it: the beliefs the manager answered no to, by
 * question id, so reviews can show a doubt that keeps coming back about one rep.
 */
export function selfCheckOf(input: Pick<PlanInput, "selfCheck" | "answers">): { doubts: string[] } | undefined {
  if (!input.selfCheck?.length) return undefined;
  return { doubts: input.selfCheck.filter((id) => input.answers[id] === false) };
}

/** Answers in question order, only for questions that were asked and answered. */
export function answerList(questions: Question[], answers: Answers): Answer[] {
  return questions
    .filter((q) => q.id in answers && isAsked(q, answers))
    .map((q) => ({ id: q.id, prompt: q.prompt, answer: answers[q.id] ?? null }));
}

export function buildPlanRecord(input: PlanInput): CoachRecord {
  return {
    schema: RECORD_SCHEMA,
    id: input.id,
    type: "plan",
    rep: input.rep.id,
    date: input.date,
    status: input.status,
    template: input.template.id,
    stage: input.focus.topic ? null : input.focus.stage.id,
    coaching_kind: input.sessionTemplate?.coaching_kind ?? input.template.coaching_kind,
    focus: input.sessionTemplate?.focus ?? input.template.focus,
    reason: input.focus.reason,
    warnings: input.warnings,
    session_template: input.sessionTemplate?.id ?? null,
    follow_up: input.followUps.map((t) => t.action.id),
    answers: answerList(input.questions, input.answers),
    held_in: null,
    ...(selfCheckOf(input) ? { self_check: selfCheckOf(input) } : {}),
  };
}

export function renderPlanBody(input: PlanInput, today: string): string {
  const { rep, focus, sessionTemplate } = input;
  const kind = sessionTemplate ?? input.template;
  const sections = [
    `# 1:1 plan: ${rep.name}, ${input.date}${input.status === "draft" ? " (draft)" : ""}`,
    [
      `**Focus:** ${focus.topic ?? focus.stage.name}: ${focus.reason}.`,
      `**Coaching:** ${kind.coaching_kind}, ${kind.focus === "both" ? "skillset and mindset" : kind.focus}, about ${kind.minutes} minutes.`,
      focus.stage.gates.length && !focus.topic
        ? `**Gate to look for (buyer-side evidence):** ${focus.stage.gates.map((gate) => gate.text).join("; ")}.`
        : "",
    ]
      .filter(Boolean)
      .join("\n"),
  ];
  if (input.lastSession) sections.push(`## Where the last 1:1 left off\n\n${input.lastSession}`);
  if (input.warnings.length) sections.push(`## Before you start\n\n${input.warnings.map((w) => `- ${w}`).join("\n")}`);
  sections.push(
    input.followUps.length
      ? `## Follow up on open commitments\n\nAsk about each one: done, not yet, or dropped?\n\n${input.followUps
          .map(
            (t) =>
              `- \`${t.action.id}\` ${inline(t.action.text)} (${t.action.owner}; ${describeActionTiming(t, today)})`,
          )
          .join("\n")}`
      : "## Follow up on open commitments\n\nNone open.",
  );
  const deals = input.deals ? renderOpenDeals(input.deals.config, input.deals.open, rep.id) : "";
  if (deals) sections.push(deals);
  if (rep.style) sections.push(`## Adapting to ${rep.name} (${rep.style})\n\n${STYLE_ADAPTATION[rep.style]}`);
  const goals = openGoals(rep.goals);
  if (goals.length)
    sections.push(`## ${rep.name}'s own goals\n\n${goals.map((g) => `- ${inline(g.text)} (\`${g.id}\`)`).join("\n")}`);
  if (input.drillsDue.length) sections.push(`## Drills due\n\n${input.drillsDue.map((d) => `- ${d}`).join("\n")}`);
  // A null answer is a question skipped at the terminal: the record shows it as skipped.
  const answered = answerList(input.questions, input.answers);
  if (answered.length) sections.push(`## Your preparation\n\n${renderAnswers(answered)}`);
  if (sessionTemplate?.questions) sections.push(renderQuestionsToAsk(sessionTemplate));
  sections.push(
    `## Close with commitments\n\nAgree on what will be done, who owns it and by when, then record the 1:1: \`coach session ${rep.id}\`.`,
  );
  return `\n${sections.join("\n\n")}\n`;
}

/** " (rate self-talk, 1-5: 1 = ...; 3 = ...; 5 = ...)": the anchors are agreed before the rating. */
function rateNote(question: Question): string {
  return ` (rate ${question.skill}, 1-5${question.anchors ? `: ${inline(anchorsLine(question.anchors))}` : ""})`;
}

/** The session's questions grouped by GROW step: what the manager asks, not tells. */
function renderQuestionsToAsk(template: Template): string {
  const questions = template.questions ?? [];
  const titles: Record<string, string> = { goal: "Goal", reality: "Reality", options: "Options", will: "Way forward" };
  const groups = [
    ...GROW_STEPS.map((step) => [titles[step]!, questions.filter((q) => q.grow === step)] as const),
    ["Also", questions.filter((q) => !q.grow)] as const,
  ];
  const body = groups
    .filter(([, list]) => list.length)
    .map(
      ([title, list]) =>
        `### ${title}\n\n${list.map((q) => `- ${inline(q.prompt)}${q.type === "scale" ? rateNote(q) : ""}`).join("\n")}`,
    )
    .join("\n\n");
  return `## Questions to ask (${template.title})\n\n${body}`;
}
