import { BUYER_STYLE_CUES } from "./buyer-style.js";
import type { DealCall } from "./drill-record.js";
import type { BehaviourStyle } from "./rep.js";
import type { Round } from "./template.js";

/**
 * The rounds that rehearse this call: asking for the evidence of the deal's first gate
 * without it, and opening to the buyer's style when the deal names one. They train the
 * skill of the stage's drill, so the warm-up's score counts where the drill's would.
 */
export function dealRounds(deal: DealCall, skill: string): Round[] {
  const rounds: Round[] = [];
  if (deal.gate) rounds.push(gateRound(deal, deal.gate, deal.gateText ?? deal.gate, skill));
  if (deal.buyerStyle) rounds.push(styleRound(deal, deal.buyerStyle, skill));
  return rounds;
}

function gateRound(deal: DealCall, id: string, text: string, skill: string): Round {
  return {
    scenario: `The call on ${deal.name} (${deal.stage}). The gate '${id}' (${text}) has no evidence from the buyer yet.`,
    prompt: `Ask the question whose answer would show '${text}'. Say it as you will on the call.`,
    timebox: 60,
    skill,
    look_for: [
      {
        text: "Asks an open question the buyer can only answer with their own words or an action",
        must: true,
        live: false,
      },
      { text: "Says what the buyer would have to say or do for it to count", must: false, live: false },
      { text: "Asks it plainly, then stops and waits for the answer", must: false, live: true },
    ],
  };
}

function styleRound(deal: DealCall, style: BehaviourStyle, skill: string): Round {
  const { cue, observable } = BUYER_STYLE_CUES[style];
  return {
    scenario: `The buyer on ${deal.name} is ${style === "amiable" || style === "analytical" ? "an" : "a"} ${style}: ${cue}.`,
    prompt: "Give your first thirty seconds of the call, adapted to this buyer.",
    timebox: 30,
    skill,
    look_for: [
      { text: observable, must: true, live: false },
      { text: "Names the purpose of the call and checks the buyer agrees", must: false, live: false },
      { text: "Matches the buyer's pace in the voice", must: false, live: true },
    ],
  };
}
