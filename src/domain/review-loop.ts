import { allActions } from "./history.js";
import { isScoredDrill, type RecordSummary, type StoredRecord } from "./record.js";

/** Sessions and drills of a period by their template's `focus`. */
export interface FocusMix {
  skillset: number;
  mindset: number;
  both: number;
}

/** Under this share of the coaching, mindset is flagged: it deserves as much effort as the skillset. */
export const MINDSET_SHARE_FLOOR = 1 / 3;

/** Completed sessions and scored drills in the period, counted by focus (a huddle is a pep talk, not practice). */
export function focusMix(inPeriod: StoredRecord[]): FocusMix {
  const mix: FocusMix = { skillset: 0, mindset: 0, both: 0 };
  for (const { record } of inPeriod) {
    const session = record.type === "session" && record.status === "completed";
    if (!session && !isScoredDrill(record)) continue;
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

export interface SelfCheckSummary {
  /** Plans of the period whose self-check was answered. */
  asked: number;
  /** The beliefs the manager answered no to, most often first. */
  doubts: { question: string; times: number }[];
}

/** The manager's self-check over the period's plans: a doubt that comes back is worth a conversation. */
export function selfCheckSummary(inPeriod: StoredRecord[]): SelfCheckSummary {
  const times = new Map<string, number>();
  let asked = 0;
  for (const { record } of inPeriod) {
    const check = record.self_check as { doubts?: unknown } | undefined;
    if (record.type !== "plan" || record.status === "draft" || !check || !Array.isArray(check.doubts)) continue;
    asked++;
    for (const id of check.doubts) if (typeof id === "string") times.set(id, (times.get(id) ?? 0) + 1);
  }
  const doubts = [...times]
    .map(([question, count]) => ({ question, times: count }))
    .sort((a, b) => b.times - a.times || a.question.localeCompare(b.question));
  return { asked, doubts };
}

/** The rep's ratings of the coaching itself (asked every fourth 1:1), oldest first. */
export function coachingFeedbackTrend(sessions: RecordSummary[]): { date: string; value: number }[] {
  return sessions.flatMap((s) => {
    const value = (s.coaching_feedback as { value?: unknown } | undefined)?.value;
    return typeof value === "number" ? [{ date: s.date, value }] : [];
  });
}
