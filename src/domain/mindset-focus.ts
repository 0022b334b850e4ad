import type { Config } from "./config.js";
import { ratingsBySkill } from "./history.js";
import type { StoredRecord } from "./record.js";

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
 * Whether the next 1:1 should be the mindset session: some core skill's latest rating is
 * LOW_CORE_RATING or less (the lowest, then the most recent, named). A rep who doubts
 * themselves gains little from another stage session until that is worked on.
 */
export function mindsetNeeded(config: Config, records: StoredRecord[]): MindsetCall | undefined {
  const ratings = ratingsBySkill(records);
  const low = config.core_skills
    .map((skill) => ({ skill, latest: ratings.get(skill)?.at(-1) }))
    .filter((c): c is { skill: string; latest: { date: string; value: number } } => !!c.latest)
    .filter((c) => c.latest.value <= LOW_CORE_RATING)
    .sort((a, b) => a.latest.value - b.latest.value || b.latest.date.localeCompare(a.latest.date))[0];
  if (!low) return undefined;
  const { value, date } = low.latest;
  return {
    skill: low.skill,
    value,
    date,
    reason: `${low.skill} rated ${value} on ${date}: the mindset session comes first`,
  };
}
