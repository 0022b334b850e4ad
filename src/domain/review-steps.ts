import { type Config, stageById } from "./config.js";
import { daysBetween } from "./dates.js";
import type { DrillSummary, Period, RepReview, SkillTrend } from "./review.js";
import { MINDSET_SHARE_FLOOR, mindsetShare } from "./review-loop.js";
import type { Cadence } from "./review-types.js";

const MAX_STEPS = 5;
const MIN_STEPS = 3;
/** A skill rated at or under this is worth a drill even when it is not falling. */
const WORK_ON = 3;

/**
 * Three to five concrete things to do next, most urgent first, each derived from the
 * review: cadence, commitments, skills, drills, stage coverage, coaching-kind mix, goals.
 */
export function suggestNextSteps(review: Omit<RepReview, "next_steps">, config: Config): string[] {
  const { rep: id, name, cadence, actions, drills } = review;
  const held = cadence.held;
  const steps: string[] = [];
  const add = (step: string | undefined) => {
    if (step && !steps.includes(step)) steps.push(step);
  };

  if (!review.profile)
    add(`Restore reps/${id}/rep.yaml (or move these records to the rep's new id): ${id} has records but no profile.`);
  if (cadence.overdue) {
    add(
      cadence.last_session
        ? `Book a 1:1 with ${name}: the last was on ${cadence.last_session}, ${days(cadence.days_since!)} ago (cadence: every ${days(cadence.every_days)}). Prepare it with \`coach plan ${id}\`.`
        : `Hold a first 1:1 with ${name}: none is recorded (cadence: every ${days(cadence.every_days)}). Prepare it with \`coach plan ${id}\`.`,
    );
  }
  const oldest = actions.overdue_items[0];
  if (oldest) {
    const more = actions.overdue > 1 ? `${actions.overdue} overdue commitments, the oldest` : "the overdue commitment";
    add(
      `Follow up ${more} "${oldest.text}" (due ${oldest.due}, ${days(oldest.days_overdue)} late): done, not yet or dropped? See \`coach actions ${id} --overdue\`.`,
    );
  }
  const drillSkill = skillToDrill(review.skills);
  if (drillSkill) {
    const why =
      drillSkill.trend === "down"
        ? `down from ${drillSkill.first} to ${drillSkill.last}`
        : `rated ${drillSkill.last} of 5, the weakest this period`;
    add(`Drill ${drillSkill.skill} (${why}): \`coach drill ${id} --skill ${drillSkill.skill}\`.`);
  }
  const due = drills.due.filter((d) => d.skill !== drillSkill?.skill);
  if (due.length) {
    const list = due
      .slice(0, 3)
      .map((d) => describeDrillDue(d, review.period.to))
      .join(", ");
    add(
      `Run the ${due.length} drill${due.length === 1 ? "" : "s"} due: ${list}${due.length > 3 ? ", ..." : ""}; see \`coach drill ${id}\`.`,
    );
  }
  const share = mindsetShare(review.focus_mix);
  if (share !== null && share < MINDSET_SHARE_FLOOR)
    add(
      `Give the mindset more room: it was ${Math.round(share * 100)}% of the coaching this period (under a third). Hold the mindset 1:1 (\`coach session ${id} --template session-mindset\`) or drill self-talk (\`coach drill ${id} --skill self-talk\`).`,
    );
  if (actions.made >= 2 && review.manager_owned > actions.made / 2)
    add(
      `Hand the work back: you own ${review.manager_owned} of the ${actions.made} commitments made this period${review.took_over ? `, and did part of ${name}'s work in ${review.took_over} 1:1${review.took_over === 1 ? "" : "s"}` : ""}. Heroic coaching is creeping in; let ${name} own the next steps.`,
    );
  const doubt = review.self_check.doubts[0];
  if (doubt && doubt.times >= 2)
    add(
      `Look at your own doubt: you answered no to '${doubt.question}' in ${doubt.times} of ${review.self_check.asked} self-checks before ${name}'s 1:1s. What you expect of ${name} tends to cap what they reach.`,
    );
  if (held >= 2 && review.coaching_kinds.performance === held) {
    add(
      `Mix in training or advisor coaching: all ${held} sessions this period were performance reviews, which cannot stand alone.`,
    );
  }
  if (held >= 1 && review.goals.length && !review.coaching_kinds.advisor) {
    add(
      `Talk about ${name}'s own goals ("${review.goals[0]}"${review.goals.length > 1 ? ", ..." : ""}): no advisor session this period.`,
    );
  }
  if (held >= 1 && review.uncoached_stages.length) {
    const names = review.uncoached_stages.map((s) => stageById(config, s)?.name ?? s);
    add(
      `Coach ${listOf(names)}: no 1:1 on ${names.length === 1 ? "it" : "them"} this period. Start with \`coach plan ${id} --stage ${review.uncoached_stages[0]}\`.`,
    );
  }
  if (!cadence.overdue && cadence.held < cadence.expected) {
    add(
      `Keep a fixed 1:1 slot: ${cadence.held} of ${cadence.expected} expected 1:1s were held; the longest gap was ${days(cadence.longest_gap_days)}.`,
    );
  }
  if (actions.done >= 3 && actions.done_on_time * 2 < actions.done) {
    add(
      `Agree smaller commitments with realistic dates: only ${actions.done_on_time} of ${actions.done} were done on time.`,
    );
  }
  if (actions.open_from_earlier) {
    add(
      `Close or drop ${actions.open_from_earlier} commitment${actions.open_from_earlier === 1 ? "" : "s"} still open from before this period: \`coach actions ${id}\`.`,
    );
  }

  // Fewer than three findings: steady habits, still concrete.
  if (steps.length < MIN_STEPS && !cadence.overdue)
    add(`Next 1:1 due ${cadence.next_due}: prepare it with \`coach plan ${id}\`.`);
  if (steps.length < MIN_STEPS && actions.made === 0)
    add(`Close the next 1:1 with a commitment: who does what by when (none made this period).`);
  if (steps.length < MIN_STEPS && drills.held === 0)
    add(`Practise a skill with ${name} every week: no drill this period; see \`coach drill ${id}\`.`);
  if (steps.length < MIN_STEPS)
    add(`Ask ${name} what they want from coaching next (an advisor session on their goals).`);
  if (steps.length < MIN_STEPS) add(`Pick the next stretch skill with ${name} and drill it: \`coach drill ${id}\`.`);
  return steps.slice(0, MAX_STEPS);
}

/** The falling skill with the biggest drop, else the lowest-rated one at or under WORK_ON. */
function skillToDrill(skills: SkillTrend[]): SkillTrend | undefined {
  const falling = skills
    .filter((s) => s.trend === "down")
    .sort((a, b) => b.first - b.last - (a.first - a.last) || a.last - b.last);
  if (falling[0]) return falling[0];
  return skills
    .filter((s) => s.last <= WORK_ON)
    .sort((a, b) => a.last - b.last || b.ratings.length - a.ratings.length)[0];
}

/** "1 day", "12 days". */
export function days(n: number): string {
  return `${n} day${n === 1 ? "" : "s"}`;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "objection-handling (due since 2026-11-08)", "pre-call-planning (new, due today)". */
export function describeDrillDue(item: DrillSummary["due"][number], today: string): string {
  const when = item.due >= today ? "due today" : `due since ${item.due}`;
  return `${item.skill} (${item.last_score === null ? `new, ${when}` : when})`;
}

/** The review's period as people read it: "2026-11-01 to 2026-11-30 (30 days)". */
export function periodText(period: Period): string {
  return `${period.from} to ${period.to} (${days(daysBetween(period.from, period.to) + 1)})`;
}

/** The cadence table's rows, the same in every report; each format marks "overdue" its own way. */
export function cadenceRows<Cell>(cadence: Cadence, overdue: Cell): (string | Cell)[][] {
  return [
    ["1:1s held", `${cadence.held} of ${cadence.expected} expected (every ${days(cadence.every_days)})`],
    ["Longest gap", days(cadence.longest_gap_days)],
    [
      "Last 1:1",
      cadence.last_session
        ? `${cadence.last_session} (${days(cadence.days_since!)} before this review)`
        : "none recorded",
    ],
    ["Status", cadence.overdue ? overdue : `on cadence; next due ${cadence.next_due}`],
  ];
}
