import { type Config, stageById } from "../domain/config.js";
import { daysBetween } from "../domain/dates.js";
import { levelMeaning, maturityEvidenceLines, nextLevelAdvice } from "../domain/maturity.js";
import type { Period, RepReview } from "../domain/review.js";
import { days, describeDrillDue } from "../domain/review-steps.js";
import { sparkline, trendArrow } from "../domain/sparkline.js";
import { onCadenceText, type TeamReview } from "../domain/team-review.js";
import type { Style } from "./style.js";
import { columns, visibleWidth } from "./table.js";
import { truncate, wrap } from "./wrap.js";

/** Reports are laid out for a terminal of this width at most, and wrap to a narrower one. */
const MAX_WIDTH = 80;
/** Ratings shown in one sparkline: the latest ones. */
const SPARK_POINTS = 16;

export function periodLabel(period: Period): string {
  return `${period.from} to ${period.to} (${days(daysBetween(period.from, period.to) + 1)})`;
}

function ago(days: number | null): string {
  return days === null ? "" : days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}

export function renderRepReviewText(
  review: RepReview,
  config: Config,
  style: Style,
  termWidth: number,
  skipped: number,
): string {
  const width = Math.min(termWidth, MAX_WIDTH);
  const { cadence, actions, drills } = review;
  const head = (title: string) => style.bold(title);
  const out: string[] = [];
  out.push(
    `${style.bold(review.name)} ${style.dim(`(${review.rep})`)}${review.profile ? "" : style.yellow(" no profile: removed from the workspace?")}`,
  );
  out.push(style.dim(`Coaching review, ${periodLabel(review.period)}`), "");

  out.push(`${head("Cadence")}  a 1:1 every ${days(cadence.every_days)}`);
  out.push(`  held ${cadence.held} of ${cadence.expected} expected, longest gap ${days(cadence.longest_gap_days)}`);
  const status = cadence.overdue ? style.red(style.bold("OVERDUE")) : style.green("on cadence");
  out.push(
    cadence.last_session
      ? `  last 1:1 ${cadence.last_session} (${ago(cadence.days_since)}), ${status}`
      : `  no 1:1 recorded yet, ${status}`,
  );
  if (!cadence.overdue) out.push(`  next due ${cadence.next_due}`);
  out.push("");

  out.push(head("Commitments"));
  const counts = `  made ${actions.made}, done ${actions.done} (${actions.done_on_time} on time), tried ${actions.tried}, dropped ${actions.dropped}, open ${actions.open}, overdue ${actions.overdue}`;
  out.push(actions.overdue ? counts.replace(/overdue (\d+)$/, (m) => style.red(m)) : counts);
  for (const item of actions.overdue_items) {
    const late = style.red(`${item.days_overdue}d late`);
    out.push(
      wrap(`${item.text} ${style.dim(`(${item.owner}, due ${item.due})`)} ${late}`, width, `  ${style.dim(item.id)}  `),
    );
  }
  if (actions.open_from_earlier) out.push(`  plus ${actions.open_from_earlier} still open from before this period`);
  out.push("");

  out.push(head("Skills") + style.dim("  (session ratings, 1-5)"));
  if (review.skills.length === 0) out.push("  no ratings this period");
  else {
    const trendOf = (s: (typeof review.skills)[number]) =>
      s.trend === "single" ? "1 rating" : `${trendArrow(s.trend)} ${s.trend}`;
    const sparkOf = (s: (typeof review.skills)[number]) =>
      sparkline(s.ratings.slice(-SPARK_POINTS).map((r) => r.value));
    // The indent, first, last, trend and ratings columns (each at least as wide as its header)
    // with their gaps: what is left is the skill's name, so a narrow terminal gets shorter
    // names and each row stays on one line; one too narrow for a readable name loses the
    // sparkline (the trend says the same in a word).
    const trendWidth = Math.max(5, ...review.skills.map((s) => visibleWidth(trendOf(s))));
    const sparkWidth = Math.max(7, ...review.skills.map((s) => visibleWidth(sparkOf(s))));
    const fixed = 2 + 2 + 5 + 2 + 4 + 2 + trendWidth;
    const withSpark = width - fixed - 2 - sparkWidth >= 12;
    const nameWidth = Math.min(
      24,
      Math.max(8, width - fixed - (withSpark ? 2 + sparkWidth : 0)),
      Math.max(...review.skills.map((s) => visibleWidth(s.skill))),
    );
    const rows = review.skills.map((s) => {
      const colour = s.trend === "up" ? style.green : s.trend === "down" ? style.red : (text: string) => text;
      const row = [
        `  ${truncate(s.skill, nameWidth)}`,
        String(s.first).padStart(5),
        String(s.last).padStart(4),
        colour(trendOf(s)),
      ];
      return withSpark ? [...row, sparkOf(s)] : row;
    });
    const header = [" ".repeat(nameWidth + 2), "first", "last", "trend", ...(withSpark ? ["ratings"] : [])];
    out.push(columns([header.map((h) => style.dim(h)), ...rows]));
  }
  out.push("");

  const stageNames = Object.entries(review.stages).map(
    ([id, n]) => `${stageById(config, id)?.name ?? id} ${n === 0 ? style.dim("0") : n}`,
  );
  out.push(wrap(stageNames.join(", "), width, `${head("Stages")}  `, "  "));
  if (review.cadence.held && review.uncoached_stages.length) {
    const names = review.uncoached_stages.map((id) => stageById(config, id)?.name ?? id);
    out.push(style.yellow(wrap(`not coached this period: ${names.join(", ")}`, width, "  ")));
  }
  const kinds = Object.entries(review.coaching_kinds).map(([kind, n]) => `${kind} ${n}`);
  out.push(wrap(kinds.join(", "), width, `${head("Coaching kinds")}  `, "  "), "");

  out.push(
    `${head("Drills")}  ${drills.held} held${drills.average_score === null ? "" : `, average score ${drills.average_score}`}`,
  );
  if (drills.by_skill.length) {
    out.push(
      columns(
        drills.by_skill.map((d) => [
          `  ${truncate(d.skill, Math.min(24, Math.max(8, width - 24)))}`,
          `${d.rounds} round${d.rounds === 1 ? "" : "s"}`,
          `avg ${d.average_score}`,
          `last ${d.last_score} on ${d.last_date}`,
        ]),
      ),
    );
  }
  if (drills.due.length)
    out.push(
      wrap(
        drills.due.map((d) => describeDrillDue(d, review.period.to)).join(", "),
        width,
        `  ${style.yellow("practice due:")} `,
      ),
    );
  out.push("");

  out.push(head("Goals"));
  out.push(
    ...(review.goals.length
      ? review.goals.map((g) => wrap(g, width, "  - "))
      : [style.dim("  none recorded in the rep's profile")]),
    "",
  );

  out.push(head("Next steps"));
  for (const [i, step] of review.next_steps.entries()) out.push(wrap(step, width, `  ${i + 1}. `));
  if (skipped) out.push("", skippedNote(skipped, style, width));
  return fitLines(out, width);
}

export function renderTeamText(
  team: TeamReview,
  style: Style,
  termWidth: number,
  skipped: number,
  everyDays: number,
): string {
  const width = Math.min(termWidth, MAX_WIDTH);
  const cadence = onCadenceText(team.on_cadence);
  const out: string[] = [style.bold("Team coaching review") + style.dim(`, ${periodLabel(team.period)}`)];
  out.push(
    team.reps.length
      ? `${cadence.lead}${cadence.rest ? ` (${cadence.rest})` : ""}, a 1:1 every ${days(everyDays)}`
      : "No reps yet.",
    "",
  );
  if (team.reps.length) {
    const header = ["", "REP", "LAST 1:1", "DAYS", "HELD", "OPEN", "LATE", "TREND"].map((h) => style.bold(h));
    const rows = team.reps.map((row) => {
      const flag = row.overdue ? style.red(style.bold("!")) : " ";
      const since = row.days_since === null ? "-" : String(row.days_since);
      const trend = row.skill_trend
        ? `${trendArrow(row.skill_trend)} ${sparkline(row.average_ratings.slice(-10))}`
        : style.dim("-");
      return [
        flag,
        truncate(row.rep, 22),
        row.last_session ?? style.dim("never"),
        row.overdue ? style.red(since.padStart(4)) : since.padStart(4),
        `${row.held}/${row.expected}`.padStart(5),
        String(row.open_actions).padStart(4),
        row.overdue_actions
          ? style.red(String(row.overdue_actions).padStart(4))
          : String(row.overdue_actions).padStart(4),
        trend,
      ];
    });
    const table = columns([header, ...rows]);
    out.push(table.split("\n").some((line) => visibleWidth(line) > width) ? stackedRows(team, style, width) : table);
    out.push(
      "",
      style.dim(
        wrap(
          "! overdue for a 1:1. HELD: 1:1s held of those the cadence expects. OPEN, LATE: commitments made in the period, still open and overdue. TREND: skills rising or falling, with each session's average rating.",
          width,
        ),
      ),
    );
  }
  if (team.maturity) {
    const { maturity } = team;
    out.push("", wrap(`${style.bold(`Coaching maturity: ${maturity.level}`)}, ${levelMeaning(maturity)}`, width));
    out.push(columns(maturityEvidenceLines(maturity.evidence).map(([what, share]) => [`  ${what}`, share])));
    out.push(wrap(nextLevelAdvice(maturity), width, "  ", "  "));
  }
  if (team.removed_reps.length) {
    out.push("", style.yellow("Records of reps no longer in the workspace (no rep.yaml):"));
    for (const r of team.removed_reps) {
      out.push(
        wrap(
          `${r.records} record${r.records === 1 ? "" : "s"}, last ${r.last_record ?? "-"}, ${r.open_actions} open commitment${r.open_actions === 1 ? "" : "s"}`,
          width,
          `  ${r.rep}: `,
        ),
      );
    }
  }
  if (skipped) out.push("", skippedNote(skipped, style, width));
  return fitLines(out, width);
}

function skippedNote(skipped: number, style: Style, width: number): string {
  return style.yellow(
    wrap(
      `Skipped ${skipped} broken record${skipped === 1 ? "" : "s"} (see the warnings): fix the front matter by hand and run the review again.`,
      width,
    ),
  );
}

/** The team table for a terminal too narrow for its columns: one short block per rep. */
function stackedRows(team: TeamReview, style: Style, width: number): string {
  return team.reps
    .map((row) => {
      const flag = row.overdue ? style.red(style.bold("! ")) : "  ";
      const last = row.last_session ? `last 1:1 ${row.last_session} (${ago(row.days_since)})` : "no 1:1 yet";
      const trend = row.skill_trend ? `, trend ${trendArrow(row.skill_trend)} ${row.skill_trend}` : "";
      const counts = `held ${row.held}/${row.expected}, open ${row.open_actions}, late ${row.overdue_actions}${trend}`;
      return [wrap(`${row.rep}: ${last}`, width, flag, "    "), wrap(counts, width, "    ")].join("\n");
    })
    .join("\n");
}

/**
 * Every line within `width`: a line still wider (a header, a count in a narrow terminal) is
 * wrapped at word boundaries, keeping its indent.
 */
function fitLines(lines: string[], width: number): string {
  return lines
    .join("\n")
    .split("\n")
    .map((line) => {
      if (visibleWidth(line) <= width) return line;
      const indent = /^ */.exec(line)![0];
      return wrap(line.trimStart(), width, indent, `${indent}  `);
    })
    .join("\n");
}
