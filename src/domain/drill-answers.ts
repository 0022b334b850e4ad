import { roundId } from "./asking/rounds.js";
import type { Round } from "./template.js";

type PerRep<T> = T | Record<string, T>;

/** One entry of an answers file's `rounds` list (see store/answers.ts). */
export interface GivenRound {
  response?: PerRep<string>;
  score?: PerRep<number>;
  notes?: PerRep<string>;
}

/**
 * Mistakes in a file's rounds that would otherwise be silently ignored: a score, response or
 * notes for a rep who is not in this drill, and more rounds than the drill has.
 */
export function givenRoundProblems(
  rounds: Round[],
  given: GivenRound[],
  reps: string[],
): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  given.forEach((round, index) => {
    for (const [key, value] of Object.entries(round)) {
      if (value === null || typeof value !== "object") continue;
      const strangers = Object.keys(value).filter((rep) => !reps.includes(rep));
      if (strangers.length)
        errors.push(
          `${roundId(index)}: ${key} for ${strangers.map((s) => `'${s}'`).join(", ")}, who ${strangers.length > 1 ? "are" : "is"} not in this drill (reps: ${reps.join(", ")})`,
        );
    }
  });
  const warnings =
    given.length > rounds.length
      ? [`${given.length} rounds given but this drill plays ${rounds.length}; the extra ones are ignored`]
      : [];
  return { errors, warnings };
}
