import type { QuestionSpec } from "./spec.js";

export const TOOK_OVER_ID = "took_over";

/**
 * Asked of the manager after the commitments: heroic coaching (doing the rep's work for
 * them) creeps in unnoticed unless someone asks. No is the default, so an answers file
 * that leaves it out says no.
 */
export function tookOverSpec(repName: string): QuestionSpec {
  return {
    id: TOOK_OVER_ID,
    path: [TOOK_OVER_ID],
    type: "confirm",
    prompt: `Did I do part of ${repName}'s work (a call, an email, a deal step that was theirs)?`,
    help: "honest answers show whether heroic coaching is creeping in",
    default: false,
    required: false,
  };
}
