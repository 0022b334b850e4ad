import { roundId } from "./asking/rounds.js";
import { checkMet } from "./rubric.js";
import type { Round } from "./template.js";

type PerRep<T> = T | Record<string, T>;

/** One entry of an answers file's `rounds` list (see store/answers.ts). */
export interface GivenRound {
  response?: PerRep<string>;
  score?: PerRep<number>;
  met?: PerRep<number[]>;
  notes?: PerRep<string>;
}

/**
 * Mistakes in a file's rounds that would otherwise be silently ignored or misread: a field
 * for a rep who is not in this drill, a `met` index that is not an item of the round, both
 * `met` and `score` for one round, and more rounds than the drill has.
 */
export function givenRoundProblems(
  rounds: Round[],
  given: GivenRound[],
  reps: string[],
): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  given.forEach((round, index) => {
    for (const [key, value] of Object.entries(round)) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
      const strangers = Object.keys(value).filter((rep) => !reps.includes(rep));
      if (strangers.length)
        errors.push(
          `${roundId(index)}: ${key} for ${strangers.map((s) => `'${s}'`).join(", ")}, who ${strangers.length > 1 ? "are" : "is"} not in this drill (reps: ${reps.join(", ")})`,
        );
    }
    if (round.met !== undefined && round.score !== undefined)
      errors.push(`${roundId(index)}: give met (the items ticked) or score, not both; the score is computed from met`);
    const items = rounds[index]?.look_for;
    const lists = round.met === undefined ? [] : Array.isArray(round.met) ? [round.met] : Object.values(round.met);
    for (const met of items ? lists : []) {
      const checked = checkMet(items!, met);
      if ("error" in checked) errors.push(`${roundId(index)}: met: ${checked.error}`);
    }
  });
  const warnings =
    given.length > rounds.length
      ? [`${given.length} rounds given but this drill plays ${rounds.length}; the extra ones are ignored`]
      : [];
  return { errors, warnings };
}
