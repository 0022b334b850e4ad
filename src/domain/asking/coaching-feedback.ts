import type { QuestionSpec } from "./spec.js";

/** Every this many 1:1s, the rep is asked how the coaching works for them. */
export const FEEDBACK_EVERY = 4;
export const FEEDBACK_ID = "coaching_feedback";
export const FEEDBACK_NOTE_ID = "coaching_feedback_note";

/** What the rep said of the coaching itself: the third conversation deserves feedback too. */
export interface CoachingFeedback {
  value: number | null;
  note?: string;
}

/** Whether the 1:1 after `heldBefore` completed ones is a fourth one, where the rep is asked. */
export function feedbackDue(heldBefore: number): boolean {
  return (heldBefore + 1) % FEEDBACK_EVERY === 0;
}

/** The two questions put to the rep, a scale and an open question; neither is required. */
export function coachingFeedbackSpecs(repName: string): QuestionSpec[] {
  return [
    {
      id: FEEDBACK_ID,
      path: [FEEDBACK_ID],
      type: "scale",
      prompt: `Ask ${repName}: how well are these 1:1s working for you, 1 to 5?`,
      help: "1: they take time and give little; 3: useful now and then; 5: they change how I sell",
      required: false,
    },
    {
      id: FEEDBACK_NOTE_ID,
      path: [FEEDBACK_NOTE_ID],
      type: "text",
      prompt: "What would make them more useful to you?",
      required: false,
    },
  ];
}
