import type { LookFor } from "./template.js";

/** While a must-have item is unmet, a round scores at most this: the answer missed what matters most. */
export const MUST_UNMET_CAP = 2;

/**
 * A round's score from the rubric items ticked: 1 + round(4 x met / items), and at most
 * MUST_UNMET_CAP while a `must` item is unmet. Two managers who tick the same items give
 * the same score, which a 1-5 judgement did not.
 */
export function rubricScore(items: readonly LookFor[], met: readonly number[]): number {
  const ticked = new Set(met);
  const score = 1 + Math.round((4 * ticked.size) / items.length);
  const mustMissed = items.some((item, index) => item.must && !ticked.has(index));
  return mustMissed ? Math.min(score, MUST_UNMET_CAP) : score;
}

/** The indexes ticked, sorted and each once; an index that is not an item is refused. */
export function checkMet(items: readonly LookFor[], met: readonly unknown[]): { met: number[] } | { error: string } {
  const bad = met.find((i) => typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= items.length);
  if (bad !== undefined)
    return { error: `${JSON.stringify(bad)} is not an item of this round; give indexes from 0 to ${items.length - 1}` };
  return { met: [...new Set(met as number[])].sort((a, b) => a - b) };
}

/** `(must, heard live)`: how an item is tagged where it is listed. */
export function itemTags(item: LookFor): string {
  const tags = [item.must && "must", item.live && "heard live"].filter(Boolean);
  return tags.length ? ` (${tags.join(", ")})` : "";
}

/** "2 of 3 items; a must-have item missed": why a ticked round got its score. */
export function describeMet(items: readonly LookFor[], met: readonly number[]): string {
  const mustMissed = items.some((item, index) => item.must && !met.includes(index));
  return `${met.length} of ${items.length} items${mustMissed ? `; a must-have item missed, so at most ${MUST_UNMET_CAP}` : ""}`;
}
