import { renderChecklist } from "./actions.js";
import type { CoachingFeedback } from "./asking/coaching-feedback.js";
import type { FocusChosenBy } from "./asking/focus-choice.js";
import type { FollowUpAnswer } from "./asking/follow-ups.js";
import { isGoalsConversation } from "./goals-first.js";
import type { TrackedAction } from "./history.js";
import { inline, renderAnswers } from "./markdown.js";
import { answerList } from "./plan-record.js";
import { type Answers, ratingsFrom } from "./questions.js";
import { type Action, type CoachRecord, type FollowUp, RECORD_SCHEMA } from "./record.js";
import type { Rep } from "./rep.js";
import type { Question, Template } from "./template.js";

function followUpDetail(followUp: FollowUp): string {
  const due = followUp.due ? ` (now due ${followUp.due})` : "";
  return followUp.note ? `${due}; ${inline(followUp.note)}` : due;
}

/** Text typed into a prompt that Ctrl-C interrupted, kept in the draft. */
export interface PendingText {
  question: string;
  text: string;
}

export interface SessionInput {
  id: string;
  rep: Rep;
  date: string;
  status: "completed" | "draft";
  template: Template;
  stage: { id: string; name: string };
  /** The plan this session follows, if any. */
  plan: string | null;
  /** Open commitments to follow up, and the answers given so far (by action id). */
  followUps: TrackedAction[];
  followUpAnswers: Record<string, FollowUpAnswer>;
  questions: Question[];
  answers: Answers;
  actions: Action[];
  pending?: PendingText;
  /** Who decided what the session works on (`coach session` asks `focus_choice`). */
  focusChosenBy?: FocusChosenBy;
  /** A deal-coaching session (`--deal`): the deal, and the buyer's evidence given per gate id. */
  deal?: { id: string; name: string; evidence: Record<string, string> };
  /** The manager's answer to "Did I do part of the rep's work?"; unset until asked. */
  tookOver?: boolean;
  /** Every fourth 1:1: the rep's word on how the coaching works for them. */
  coachingFeedback?: CoachingFeedback;
}

export function followUpList(input: Pick<SessionInput, "followUps" | "followUpAnswers">): FollowUp[] {
  return input.followUps
    .filter(({ action }) => input.followUpAnswers[action.id] !== undefined)
    .map(({ action }) => {
      const { status, note, due } = input.followUpAnswers[action.id]!;
      const followUp: FollowUp = { action: action.id, text: action.text, status };
      if (note) followUp.note = note;
      if (due && status === "open" && due !== action.due) followUp.due = due;
      return followUp;
    });
}

/** Follow-ups saved in a draft, back as answers by action id. */
export function followUpAnswersFrom(list: FollowUp[] | undefined): Record<string, FollowUpAnswer> {
  return Object.fromEntries((list ?? []).map(({ action, status, note, due }) => [action, { status, note, due }]));
}

export function buildSessionRecord(input: SessionInput): CoachRecord {
  const record: CoachRecord = {
    schema: RECORD_SCHEMA,
    id: input.id,
    type: "session",
    rep: input.rep.id,
    date: input.date,
    status: input.status,
    template: input.template.id,
    // The goals conversation works on the rep's aspirations, not a stage: it counts as coaching none.
    stage: isGoalsConversation(input.template) ? null : input.stage.id,
    coaching_kind: input.template.coaching_kind,
    focus: input.template.focus,
    plan: input.plan,
    ...(input.focusChosenBy ? { focus_chosen_by: input.focusChosenBy } : {}),
    answers: answerList(input.questions, input.answers),
    ratings: ratingsFrom(input.questions, input.answers),
    follow_ups: followUpList(input),
    actions: input.actions,
    ...(input.deal ? { deal: input.deal.id, gates: input.deal.evidence } : {}),
    ...(input.tookOver === undefined ? {} : { took_over: input.tookOver }),
    ...(input.coachingFeedback ? { coaching_feedback: input.coachingFeedback } : {}),
  };
  if (input.status === "draft" && input.pending) record.pending = input.pending;
  return record;
}

export function renderSessionBody(input: SessionInput): string {
  const { rep, template } = input;
  const focus = template.focus === "both" ? "skillset and mindset" : template.focus;
  const sections = [
    `# 1:1 session: ${rep.name}, ${input.date}${input.status === "draft" ? " (draft)" : ""}`,
    [
      `${isGoalsConversation(template) ? `**Topic:** ${rep.name}'s own goals` : `**Stage:** ${input.stage.name}`}. **Coaching:** ${template.coaching_kind}, ${focus} (${template.title}).`,
      input.plan ? `**Plan followed:** ${input.plan}.` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  ];
  if (input.deal) {
    const given = Object.entries(input.deal.evidence);
    sections.push(
      `## Deal: ${inline(input.deal.name)} (\`${input.deal.id}\`)\n\n${
        given.length
          ? given.map(([gate, evidence]) => `- ${gate}: ${inline(evidence)}`).join("\n")
          : "No new gate evidence; the gates stay open."
      }`,
    );
  }
  const followUps = followUpList(input);
  if (followUps.length) {
    const said: Record<string, string> = { done: "done", tried: "tried", open: "not yet", dropped: "dropped" };
    sections.push(
      `## Follow-ups\n\n${followUps.map((f) => `- \`${f.action}\` ${inline(f.text ?? "")}: ${said[f.status]}${followUpDetail(f)}`).join("\n")}`,
    );
  }
  // A null answer is a question skipped at the terminal: the record shows it as skipped.
  const answered = answerList(input.questions, input.answers);
  if (answered.length) sections.push(`## Conversation\n\n${renderAnswers(answered)}`);
  const ratings = Object.entries(ratingsFrom(input.questions, input.answers));
  if (ratings.length)
    sections.push(`## Ratings\n\n${ratings.map(([skill, value]) => `- ${skill}: ${value} of 5`).join("\n")}`);
  sections.push(
    input.actions.length ? `## Commitments\n\n${renderChecklist(input.actions)}` : "## Commitments\n\nNone made.",
  );
  const feedback = input.coachingFeedback;
  if (feedback && (feedback.value !== null || feedback.note))
    sections.push(
      `## How the coaching works for ${input.rep.name}\n\n${feedback.value === null ? "Not rated" : `${feedback.value} of 5`}${feedback.note ? `: ${inline(feedback.note)}` : "."}`,
    );
  if (input.tookOver !== undefined)
    sections.push(`**Did I do part of the rep's work?** ${input.tookOver ? "Yes" : "No"}.`);
  return `\n${sections.join("\n\n")}\n`;
}
