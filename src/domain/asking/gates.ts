import type { Stage } from "../config.js";
import type { StagedGate } from "../deal.js";
import type { QuestionSpec } from "./spec.js";

/**
 * A deal-coaching question for one gate without evidence: what the buyer said or did.
 * Required, so a run without a person and without `gates: {<gate-id>: ...}` lists it as
 * missing; but an empty answer, typed or in the file, is allowed and leaves the gate open
 * (see `optionalAnswer`).
 */
export function gateEvidenceSpec({ stage, gate }: StagedGate): QuestionSpec {
  return {
    id: gate.id,
    key: "gates",
    path: ["gates", gate.id],
    type: "text",
    prompt: `What did the buyer say or do that shows ${asClause(gate.text)}?`,
    help: `${stageLabel(stage)} gate '${gate.id}'; leave it empty to keep the gate open`,
    required: true,
  };
}

/** The same question where an empty answer is fine: for the person at a terminal and for the file. */
export function optionalAnswer(spec: QuestionSpec): QuestionSpec {
  return { ...spec, required: false };
}

/** "The buyer admits a need" reads on after "shows" as "the buyer admits a need". */
function asClause(text: string): string {
  const trimmed = text.trim().replace(/[.!]$/, "");
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0]!.toLowerCase() + trimmed.slice(1) : trimmed;
}

function stageLabel(stage: Stage): string {
  return stage.name;
}
