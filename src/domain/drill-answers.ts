import type { MissingQuestion } from "./questions.js";
import type { Round } from "./template.js";

type PerRep<T> = T | Record<string, T>;

/** One entry of an answers file's `rounds` list (see store/answers.ts). */
export interface GivenRound {
  response?: PerRep<string>;
  score?: PerRep<number>;
  notes?: PerRep<string>;
}

/** What is known of one rep's round before asking: from an answers file, or typed. */
export interface RepRoundAnswer {
  response?: string;
  score?: number;
  notes?: string;
}

/** The prompt id of a round, as `missing answers` names it: `round-1`, `round-2`... */
export function roundId(index: number): string {
  return `round-${index + 1}`;
}

function forRep<T>(value: PerRep<T> | undefined, rep: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object") return (value as Record<string, T>)[rep];
  return value;
}

/** A rep's part of a given round: a single value applies to every rep, a map by rep id. */
export function givenForRep(given: GivenRound | undefined, rep: string): RepRoundAnswer {
  return { response: forRep(given?.response, rep), score: forRep(given?.score, rep), notes: forRep(given?.notes, rep) };
}

/** A missing round, described so a script can write the answer: which reps still need a score. */
export interface MissingRound extends MissingQuestion {
  reps?: string[];
}

/** Rounds whose score is missing for any rep, in order (`round-N`, type `scale`, 1..5). */
export function missingRounds(rounds: Round[], given: GivenRound[], reps: string[]): MissingRound[] {
  return rounds.flatMap((round, index) => {
    const unscored = reps.filter((rep) => givenForRep(given[index], rep).score === undefined);
    if (!unscored.length) return [];
    const missing: MissingRound = {
      id: roundId(index),
      type: "scale",
      prompt: round.prompt,
      min: 1,
      max: 5,
      skill: round.skill,
    };
    if (reps.length > 1) missing.reps = unscored;
    return [missing];
  });
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
