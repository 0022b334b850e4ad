import { allActions } from "./history.js";
import type { RecordSummary, StoredRecord } from "./record.js";

/** Sessions and drills of a period by their template's `focus`. */
export interface FocusMix {
  skillset: number;
  mindset: number;
  both: number;
}

/** Under this share of the coaching, mindset is flagged: it deserves as much effort as the skillset. */
export const MINDSET_SHARE_FLOOR = 1 / 3;

/** Completed sessions and drills in the period, counted by focus. */
export function focusMix(inPeriod: StoredRecord[]): FocusMix {
  const mix: FocusMix = { skillset: 0, mindset: 0, both: 0 };
  for (const { record } of inPeriod) {
    if (record.status !== "completed" || (record.type !== "session" && record.type !== "drill")) continue;
    const focus = record.focus;
    if (focus === "skillset" || focus === "mindset" || focus === "both") mix[focus]++;
  }
  return mix;
}

/**
 * Mindset's share of the coaching, 0 to 1: a session or drill on both counts half.
 * Null when nothing was held.
 */
export function mindsetShare(mix: FocusMix): number | null {
  const total = mix.skillset + mix.mindset + mix.both;
  return total ? (mix.mindset + mix.both / 2) / total : null;
}

/** Completed 1:1s of the period where the manager said they did part of the rep's work. */
export function tookOverCount(sessions: RecordSummary[]): number {
  return sessions.filter((s) => s.took_over === true).length;
}

/** Commitments made in the period, and how many of them the manager owns. */
export function managerOwned(inPeriod: StoredRecord[]): { made: number; manager: number } {
  const made = allActions(inPeriod);
  return { made: made.length, manager: made.filter((t) => t.action.owner === "manager").length };
}
