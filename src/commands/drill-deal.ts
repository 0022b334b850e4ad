import type { Config } from "../domain/config.js";
import { type Deal, gatesWithoutEvidence } from "../domain/deal.js";
import type { DealCall } from "../domain/drill-record.js";

/** What a warm-up or huddle notes of the deal: its stage, its first open gate, the buyer's style. */
export function dealCall(config: Config, deal: Deal): DealCall {
  const open = gatesWithoutEvidence(config, deal)[0]?.gate;
  return {
    id: deal.id,
    name: deal.name,
    stage: deal.stage,
    ...(open ? { gate: open.id, gateText: open.text } : {}),
    ...(deal.buyer_style ? { buyerStyle: deal.buyer_style } : {}),
  };
}
