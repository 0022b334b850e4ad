import type { Config } from "./config.js";
import { ratingsBySkill } from "./history.js";
import type { StoredRecord } from "./record.js";
import { latestDrillScores } from "./schedule.js";

/** A core skill whose latest 1:1 rating is at or under this makes the mindset session the next focus. */
export const LOW_CORE_RATING = 2;

export interface MindsetCall {
  skill: string;
  value: number;
  date: string;
  /** For the plan's "why": "self-talk rated 1 on 2026-11-20: the mindset comes first". */
  reason: string;
}

/**
 * Whether the next 1:1 should be the mindset session: some core skill's latest rating, from a
 * 1:1 or a scored drill, is LOW_CORE_RATING or less (the lowest, then the most recent, named).
 * A rep who doubts themselves gains little from another stage session until that is worked on.
 * Drills count because the built-in 1:1s reflect on self-talk and purpose rather than grade them.
 */
export function mindsetNeeded(config: Config, records: StoredRecord[]): MindsetCall | undefined {
  const ratings = ratingsBySkill(records);
  const drills = latestDrillScores(records);
  const low = config.core_skills
    .map((skill) => ({ skill, latest: latestOf(ratings.get(skill)?.at(-1), drills.get(skill)) }))
    .filter((c): c is { skill: string; latest: Latest } => !!c.latest)
    .filter((c) => c.latest.value <= LOW_CORE_RATING)
    .sort((a, b) => a.latest.value - b.latest.value || b.latest.date.localeCompare(a.latest.date))[0];
  if (!low) return undefined;
  const { value, date, how } = low.latest;
  return {
    skill: low.skill,
    value,
    date,
    reason: `${low.skill} ${how} ${value} on ${date}: the mindset session comes first`,
  };
}

interface Latest {
  date: string;
  value: number;
  how: "rated" | "scored";
}

/** The later of a 1:1's rating and a drill's score (the 1:1 when both are on one day). */
function latestOf(
  rating: { date: string; value: number } | undefined,
  drill: { date: string; score: number } | undefined,
): Latest | undefined {
  const fromDrill = drill && { date: drill.date, value: drill.score, how: "scored" as const };
  const fromSession = rating && { ...rating, how: "rated" as const };
  if (!fromDrill || !fromSession) return fromSession ?? fromDrill;
  return fromDrill.date > fromSession.date ? fromDrill : fromSession;
}
