import { itemTags } from "../rubric.js";
import type { Round } from "../template.js";
import type { QuestionSpec } from "./spec.js";

/** The id of a round, as `missing answers` names it: `round-1`, `round-2`... */
export function roundId(index: number): string {
  return `round-${index + 1}`;
}

/** The questions of one rep's turn at a round; in a clinic, prompt ids end with the rep id. */
export interface RoundSpecs {
  response: QuestionSpec;
  score: QuestionSpec;
  /** The rubric items met, as their indexes: the score is computed from them. */
  met: QuestionSpec;
  notes: QuestionSpec;
}

/**
 * A round's answers live at `rounds[index]`; in a clinic each field may be a map of rep id
 * to value, and a single value stands for every rep. The score is what makes a round
 * answered, so a missing round is reported by its score: `round-N`, a 1..5 scale (or
 * `met`, the items ticked, from which the score is computed).
 */
export function roundSpecs(round: Round, index: number, rep: string, name: string, clinic: boolean): RoundSpecs {
  const suffix = clinic ? `-${rep}` : "";
  const whose = clinic ? ` for ${name}` : "";
  const field = (f: string) => ({
    key: "rounds" as const,
    path: ["rounds", index, f, rep],
    shortPath: ["rounds", index, f],
    promptId: `${roundId(index)}-${f}${suffix}`,
    ...(clinic ? { rep } : {}),
  });
  return {
    response: {
      ...field("response"),
      id: `${roundId(index)}-response`,
      type: "text",
      prompt: `What did ${name} say?`,
      default: "",
      required: false,
    },
    score: {
      ...field("score"),
      id: roundId(index),
      type: "scale",
      prompt: round.prompt,
      min: 1,
      max: 5,
      skill: round.skill,
      required: true,
      lookFor: round.look_for.map((item) => `${item.text.trim()}${itemTags(item)}`),
    },
    met: {
      ...field("met"),
      id: `${roundId(index)}-met`,
      type: "multi",
      prompt: `Tick what ${name} did (space ticks an item, Enter when done):`,
      choices: round.look_for.map((item, i) => ({ value: String(i), name: `${item.text.trim()}${itemTags(item)}` })),
      required: false,
    },
    notes: {
      ...field("notes"),
      id: `${roundId(index)}-notes`,
      type: "text",
      prompt: `Notes${whose} (optional):`,
      default: "",
      required: false,
    },
  };
}
