import { type Config, stageById } from "./config.js";
import { renderDealCounts } from "./deal.js";
import { inline } from "./markdown.js";
import { levelMeaning, type Maturity, maturityEvidenceLines, nextLevelAdvice } from "./maturity.js";
import type { RepReview, SkillTrend } from "./review.js";
import { cadenceRows, days, describeDrillDue, periodText } from "./review-steps.js";
import { sparkline, trendArrow } from "./sparkline.js";
import { onCadenceText, type TeamReview } from "./team-review.js";

/** A review as a Markdown report to share: tables, and Mermaid charts of skill ratings. */
export function renderRepReviewMarkdown(review: RepReview, config: Config, skipped: number): string {
  const { cadence, actions, drills } = review;
  const sections = [
    `# Coaching review: ${inline(review.name)}`,
    `_${review.rep}, ${periodText(review.period)}${review.profile ? "" : "; this rep has no profile in the workspace any more"}_`,
    ["## Cadence", "", table(["Measure", "This period"], cadenceRows(cadence, "**overdue for a 1:1**"))].join("\n"),
    [
      "## Commitments",
      "",
      "_Made in the period; open and overdue as of the last day._",
      "",
      table(
        ["Made", "Done", "Done on time", "Tried", "Dropped", "Open", "Overdue"],
        [
          [
            actions.made,
            actions.done,
            actions.done_on_time,
            actions.tried,
            actions.dropped,
            actions.open,
            actions.overdue,
          ].map(String),
        ],
      ),
      ...(actions.overdue_items.length
        ? [
            "",
            "Overdue:",
            "",
            ...actions.overdue_items.map(
              (a) => `- \`${a.id}\` ${inline(a.text)} (${a.owner}; due ${a.due}, ${days(a.days_overdue)} late)`,
            ),
          ]
        : []),
      ...(actions.open_from_earlier
        ? ["", `Also still open from before the period: ${actions.open_from_earlier}.`]
        : []),
    ].join("\n"),
    skillsSection(review.skills),
    [
      "## Coverage",
      "",
      table(
        ["Stage", "1:1s"],
        Object.entries(review.stages).map(([id, n]) => [stageById(config, id)?.name ?? id, String(n)]),
      ),
      ...(cadence.held && review.uncoached_stages.length
        ? [
            "",
            `Not coached this period: ${review.uncoached_stages.map((id) => stageById(config, id)?.name ?? id).join(", ")}.`,
          ]
        : []),
      "",
      table(
        ["Kind of coaching", "1:1s"],
        Object.entries(review.coaching_kinds).map(([kind, n]) => [kind, String(n)]),
      ),
    ].join("\n"),
    [
      "## Drills",
      "",
      `${drills.held} held${drills.average_score === null ? "" : `, average score ${drills.average_score} of 5`}.`,
      ...(drills.by_skill.length
        ? [
            "",
            table(
              ["Skill", "Rounds", "Average", "Last score"],
              drills.by_skill.map((d) => [
                d.skill,
                String(d.rounds),
                String(d.average_score),
                `${d.last_score} (${d.last_date})`,
              ]),
            ),
          ]
        : []),
      ...(drills.due.length
        ? ["", `Practice due: ${drills.due.map((d) => describeDrillDue(d, review.period.to)).join(", ")}.`]
        : []),
    ].join("\n"),
    [
      "## Goals",
      "",
      review.goals.length
        ? review.goals.map((g) => `- ${inline(g)}`).join("\n")
        : "_None recorded in the rep's profile._",
    ].join("\n"),
    ...(review.deals ? [renderDealCounts(review.deals)] : []),
    ["## Next steps", "", review.next_steps.map((s, i) => `${i + 1}. ${s}`).join("\n")].join("\n"),
  ];
  if (skipped) sections.push(skippedNote(skipped));
  return `${sections.join("\n\n")}\n`;
}

export function renderTeamMarkdown(team: TeamReview, skipped: number, everyDays: number): string {
  const cadence = onCadenceText(team.on_cadence);
  const sections = [
    "# Team coaching review",
    `_${periodText(team.period)}_`,
    team.reps.length
      ? `**${cadence.lead}** (${cadence.rest ? `${cadence.rest}; ` : ""}a 1:1 every ${days(everyDays)}).`
      : "No reps yet.",
  ];
  if (team.reps.length) {
    sections.push(
      table(
        ["Rep", "Last 1:1", "Days since", "Overdue", "Held / expected", "Open", "Overdue commitments", "Skill trend"],
        team.reps.map((r) => [
          `${inline(r.name)} (\`${r.rep}\`)`,
          r.last_session ?? "never",
          r.days_since === null ? "-" : String(r.days_since),
          r.overdue ? "**yes**" : "no",
          `${r.held} / ${r.expected}`,
          String(r.open_actions),
          String(r.overdue_actions),
          r.skill_trend
            ? `${trendArrow(r.skill_trend)} ${r.skill_trend} ${sparkline(r.average_ratings.slice(-10))}`
            : "-",
        ]),
      ),
    );
  }
  if (team.maturity) sections.push(maturitySection(team.maturity));
  if (team.deals) sections.push(renderDealCounts(team.deals));
  if (team.removed_reps.length) {
    sections.push(
      [
        "## Records of reps no longer in the workspace",
        "",
        ...team.removed_reps.map(
          (r) =>
            `- \`${r.rep}\`: ${r.records} records, last ${r.last_record ?? "-"}, ${r.open_actions} open commitments`,
        ),
      ].join("\n"),
    );
  }
  if (skipped) sections.push(skippedNote(skipped));
  return `${sections.join("\n\n")}\n`;
}

function maturitySection(maturity: Maturity): string {
  return [
    `## Coaching maturity: ${maturity.level}`,
    `The team's coaching is **${maturity.level}**: ${levelMeaning(maturity)}.`,
    table(["Evidence over the period", "Share"], maturityEvidenceLines(maturity.evidence)),
    nextLevelAdvice(maturity),
  ].join("\n\n");
}

function skillsSection(skills: SkillTrend[]): string {
  if (!skills.length) return "## Skills\n\nNo ratings this period.";
  const rows = skills.map((s) => [
    s.skill,
    String(s.first),
    String(s.last),
    s.trend === "single" ? "one rating" : `${trendArrow(s.trend)} ${s.trend}`,
    sparkline(s.ratings.map((r) => r.value)),
  ]);
  const charts = skills.filter((s) => s.ratings.length >= 2).map(chart);
  return [
    "## Skills",
    "",
    "_Session ratings, 1 to 5._",
    "",
    table(["Skill", "First", "Last", "Trend", "Ratings"], rows),
    ...(charts.length ? ["", "### Skill ratings over time", "", charts.join("\n\n")] : []),
  ].join("\n");
}

/** One Mermaid line chart per skill: xychart-beta has no legend, so one skill a chart stays readable. */
function chart(skill: SkillTrend): string {
  const dates = skill.ratings.map((r) => `"${r.date}"`).join(", ");
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${skill.skill}"`,
    `    x-axis [${dates}]`,
    '    y-axis "Rating" 1 --> 5',
    `    line [${skill.ratings.map((r) => r.value).join(", ")}]`,
    "```",
  ].join("\n");
}

/** A GitHub-flavoured table; pipes in cells are escaped so a commitment's text cannot break it. */
function table(header: string[], rows: string[][]): string {
  const cell = (text: string) => inline(text).replace(/\|/g, "\\|");
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}

function skippedNote(skipped: number): string {
  return `> **Note:** ${skipped} broken record${skipped === 1 ? " was" : "s were"} skipped; fix the front matter by hand and run the review again.`;
}
