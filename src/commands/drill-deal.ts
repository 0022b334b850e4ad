import type { Config } from "../domain/config.js";
import { assertOpen, type Deal, gatesWithoutEvidence } from "../domain/deal.js";
import type { DealCall } from "../domain/drill-record.js";
import type { Rep } from "../domain/rep.js";
import { badInput } from "../errors.js";
import { requireDeal } from "../store/deals.js";

/** The deal named by `--deal`: it must be this rep's and still open. */
export function dealForCall(root: string, rep: Rep, idOrName: string): Deal {
  const { deal } = requireDeal(root, idOrName);
  if (deal.rep !== rep.id)
    throw badInput(
      "invalid_option",
      `deal '${deal.id}' is ${deal.rep}'s, not ${rep.id}'s`,
      `warm up ${deal.rep} for it: \`coach drill ${deal.rep} --pre-call --deal ${deal.id}\``,
    );
  assertOpen(deal, "prepare a call on it");
  return deal;
}

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
