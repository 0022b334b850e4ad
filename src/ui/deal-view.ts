import type { Config } from "../domain/config.js";
import { type Deal, gatesPassedWithoutEvidence, gatesWithEvidenceCount } from "../domain/deal.js";
import { inline } from "../domain/markdown.js";
import type { Style } from "./style.js";
import { columns } from "./table.js";

/** Deals as aligned columns; a deal past a gate with no evidence is marked `!`. */
export function renderDealList(config: Config, deals: Deal[], style: Style, showRep: boolean, width = 80): string {
  const header = ["", "ID", ...(showRep ? ["REP"] : []), "STAGE", "STATUS", "GATES", "NAME"].map((h) => style.dim(h));
  const totalGates = config.stages.reduce((sum, stage) => sum + stage.gates.length, 0);
  const rows = deals.map((deal) => {
    const passed = deal.status === "open" ? gatesPassedWithoutEvidence(config, deal).length : 0;
    return [
      passed ? style.red("!") : "",
      deal.id,
      ...(showRep ? [deal.rep] : []),
      deal.stage,
      deal.status === "open" ? deal.status : style.dim(deal.status),
      `${gatesWithEvidenceCount(deal)}/${totalGates}`,
      inline(deal.name),
    ];
  });
  const open = deals.filter((deal) => deal.status === "open").length;
  const summary = `${open} open${deals.length > open ? `, ${deals.length - open} closed` : ""}; GATES: gates with buyer evidence`;
  return `${columns([header, ...rows], width)}\n${style.dim(summary)}`;
}
