import { type CoachingFeedback, coachingFeedbackSpecs } from "../domain/asking/coaching-feedback.js";
import {
  type FollowUpAnswer,
  followUpDueSpec,
  followUpNoteSpec,
  followUpStatusSpec,
} from "../domain/asking/follow-ups.js";
import { gateEvidenceSpec, optionalAnswer } from "../domain/asking/gates.js";
import { type Deal, gatesWithoutEvidence } from "../domain/deal.js";
import type { TrackedAction } from "../domain/history.js";
import type { SessionInput } from "../domain/session-record.js";
import type { Asker } from "../ui/ask.js";

// What a session asks besides its template's questions: what became of each open commitment,
// the buyer's evidence for a coached deal's gates, and now and then how the coaching works.

/**
 * For the deal's stage and every earlier one, each gate without evidence: what did the
 * buyer say or do? An empty answer leaves the gate open.
 */
export async function askGateEvidence(
  asker: Asker,
  config: Parameters<typeof gatesWithoutEvidence>[0],
  deal: Deal,
  evidence: Record<string, string>,
): Promise<void> {
  for (const staged of gatesWithoutEvidence(config, deal)) {
    if (staged.gate.id in evidence) continue;
    const spec = gateEvidenceSpec(staged);
    const optional = optionalAnswer(spec);
    const fromFile = asker.given(optional);
    const answer = fromFile
      ? fromFile.value
      : asker.hasPerson
        ? await asker.askPerson(optional)
        : await asker.ask(spec);
    if (typeof answer === "string" && answer.trim()) evidence[staged.gate.id] = answer.trim();
  }
}

/**
 * What became of each open commitment; "not yet" asks by when now (Enter keeps the old
 * date). An answers file may add a note and a new due date.
 */
export async function askFollowUps(
  asker: Asker,
  followUps: TrackedAction[],
  answers: SessionInput["followUpAnswers"],
): Promise<void> {
  for (const tracked of followUps) {
    const id = tracked.action.id;
    if (answers[id]) continue;
    const status = await asker.ask(followUpStatusSpec(tracked, asker.today));
    if (typeof status !== "string") continue;
    const answer: FollowUpAnswer = { status: status as FollowUpAnswer["status"] };
    const note = await asker.ask(followUpNoteSpec(id, status));
    if (typeof note === "string" && note.trim()) answer.note = note;
    if (status === "open") {
      const due = await asker.ask(followUpDueSpec(tracked));
      if (typeof due === "string") answer.due = due;
    }
    answers[id] = answer;
  }
}

export async function askCoachingFeedback(asker: Asker, repName: string): Promise<CoachingFeedback> {
  const [scale, text] = coachingFeedbackSpecs(repName);
  const value = await asker.ask(scale!);
  const note = await asker.ask(text!);
  return {
    value: typeof value === "number" ? value : null,
    ...(typeof note === "string" && note.trim() ? { note } : {}),
  };
}
