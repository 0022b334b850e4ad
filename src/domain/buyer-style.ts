import type { BehaviourStyle } from "./rep.js";

/** How to meet a buyer of each behaviour style on a call (DOMAIN.md, "Behaviour styles"). */
export const BUYER_STYLE_CUES: Record<BehaviourStyle, { cue: string; observable: string }> = {
  driver: {
    cue: "wants the bottom line, options to choose from and no small talk",
    observable: "States the outcome for the buyer in the first two sentences",
  },
  expressive: {
    cue: "thinks aloud, cares about people and the bigger picture, and skips detail",
    observable: "Asks about the buyer's vision before any detail",
  },
  amiable: {
    cue: "needs to feel safe: a relaxed pace, the people looked after, a small first step",
    observable: "Proposes a small, low-risk first step",
  },
  analytical: {
    cue: "wants facts, sources and time to think before committing",
    observable: "Offers a figure or a source for each claim",
  },
};
