import { type Config, stageById } from "./config.js";
import { levelMeaning, maturityEvidenceLines, nextLevelAdvice } from "./maturity.js";
import type { Period, RepReview, SkillTrend } from "./review.js";
import { cadenceRows, days, describeDrillDue, periodText } from "./review-steps.js";
import { escapeHtml as esc, type GridRow, ratingChart, weekGridChart } from "./svg-charts.js";
import { onCadenceText, type TeamReview } from "./team-review.js";

/**
 * Inline, so the page is one file that opens anywhere, mailed or printed: no fonts,
 * scripts or images from elsewhere. Print keeps the colours of the charts and never
 * splits a chart from its table.
 */
const STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6573; --line: #d5dae1; --held: #23744a; --missed: #b3261e; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; } h2 { font-size: 1.15rem; margin: 1.8rem 0 .6rem;
  border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.period { color: var(--muted); margin: 0; }
table { border-collapse: collapse; margin: .4rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: .25rem .55rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; }
td.num { text-align: right; }
#reps td, .chart-data td { white-space: nowrap; }
code { font: .9em ui-monospace, Menlo, Consolas, monospace; background: #f3f5f8; padding: 0 .2em; }
.flag { color: var(--missed); font-weight: 600; }
figure { margin: .8rem 0; display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; break-inside: avoid; }
figcaption { font-weight: 600; width: 100%; }
.chart text { font: 11px system-ui, sans-serif; fill: var(--muted); }
.chart .label { fill: var(--ink); font-size: 12px; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .line { fill: none; stroke: #2f5fa7; stroke-width: 2; }
.chart .point { fill: #2f5fa7; }
.chart .held { fill: var(--held); }
.chart .missed rect { fill: none; stroke: var(--missed); stroke-width: 1.5; }
.chart .missed line { stroke: var(--missed); stroke-width: 1.5; }
.chart .none { fill: var(--line); }
.legend { color: var(--muted); font-size: .9rem; }
.grid-table td, .grid-table th { padding: .1rem .3rem; font-size: .8rem; text-align: center; }
td.held { color: var(--held); } td.missed { color: var(--missed); font-weight: 600; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table, figure, section { break-inside: avoid; }
  h2 { break-after: avoid; }
}`;

function page(title: string, body: string[]): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}\n</style>`,
    "</head>",
    "<body>",
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

type Cell = string | number | { html: string; className?: string };

/** A table; numbers are right-aligned, strings escaped, `{html}` cells already markup. */
function table(header: string[], rows: Cell[][], className = ""): string {
  const td = (cell: Cell) =>
    typeof cell === "number"
      ? `<td class="num">${cell}</td>`
      : typeof cell === "string"
        ? `<td>${esc(cell)}</td>`
        : `<td${cell.className ? ` class="${cell.className}"` : ""}>${cell.html}</td>`;
  return [
    `<table${className ? ` class="${className}"` : ""}>`,
    `<thead><tr>${header.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${row.map(td).join("")}</tr>`).join("")}</tbody>`,
    "</table>",
  ].join("");
}

const section = (id: string, heading: string, ...parts: string[]) =>
  `<section id="${id}"><h2>${esc(heading)}</h2>${parts.join("\n")}</section>`;
const para = (text: string) => `<p>${esc(text)}</p>`;
const list = (items: string[]) => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;

/** Next steps name commands in Markdown backticks: set them as code. */
function withCode(text: string): string {
  return esc(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** The rep's review as a page: the Markdown report's content, each skill's ratings as a chart beside its table. */
export function renderRepReviewHtml(review: RepReview, config: Config, skipped: number): string {
  const { cadence, actions, drills } = review;
  const stageName = (id: string) => stageById(config, id)?.name ?? id;
  const body = [
    `<h1>Coaching review: ${esc(review.name)}</h1>`,
    `<p class="period">${esc(review.rep)}, ${esc(periodText(review.period))}${review.profile ? "" : "; this rep has no profile in the workspace any more"}</p>`,
    section(
      "cadence",
      "Cadence",
      table(["Measure", "This period"], cadenceRows(cadence, { html: '<span class="flag">overdue for a 1:1</span>' })),
    ),
    section(
      "commitments",
      "Commitments",
      para("Made in the period; open and overdue as of the last day."),
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
          ],
        ],
      ),
      actions.overdue_items.length
        ? table(
            ["Overdue commitment", "Id", "Owner", "Due", "Days late"],
            actions.overdue_items.map((a) => [a.text, a.id, a.owner, a.due, a.days_overdue]),
          )
        : "",
      actions.open_from_earlier ? para(`Also still open from before the period: ${actions.open_from_earlier}.`) : "",
    ),
    skillsSection(review.skills, review.period),
    section(
      "coverage",
      "Coverage",
      table(
        ["Stage", "1:1s"],
        Object.entries(review.stages).map(([id, n]) => [stageName(id), n]),
      ),
      cadence.held && review.uncoached_stages.length
        ? para(`Not coached this period: ${review.uncoached_stages.map(stageName).join(", ")}.`)
        : "",
      table(
        ["Kind of coaching", "1:1s"],
        Object.entries(review.coaching_kinds).map(([kind, n]) => [kind, n]),
      ),
    ),
    section(
      "drills",
      "Drills",
      para(
        `${drills.held} held${drills.average_score === null ? "" : `, average score ${drills.average_score} of 5`}.`,
      ),
      drills.by_skill.length
        ? table(
            ["Skill", "Rounds", "Average", "Last score", "Last drilled"],
            drills.by_skill.map((d) => [d.skill, d.rounds, d.average_score, d.last_score, d.last_date]),
          )
        : "",
      drills.due.length
        ? para(`Practice due: ${drills.due.map((d) => describeDrillDue(d, review.period.to)).join(", ")}.`)
        : "",
    ),
    section("goals", "Goals", review.goals.length ? list(review.goals) : para("None recorded in the rep's profile.")),
    section(
      "next-steps",
      "Next steps",
      `<ol>${review.next_steps.map((step) => `<li>${withCode(step)}</li>`).join("")}</ol>`,
    ),
    skipped ? skippedNote(skipped) : "",
  ];
  return page(`Coaching review: ${review.name}`, body.filter(Boolean));
}

function skillsSection(skills: SkillTrend[], period: Period): string {
  if (!skills.length) return section("skills", "Skills", para("No ratings this period."));
  const summary = table(
    ["Skill", "First", "Last", "Trend"],
    skills.map((s) => [s.skill, s.first, s.last, s.trend === "single" ? "one rating" : s.trend]),
  );
  const figures = skills.map(
    (s) =>
      `<figure class="skill" data-skill="${esc(s.skill)}"><figcaption>${esc(s.skill)}</figcaption>` +
      `${ratingChart(s.skill, s.ratings, period)}${table(
        ["Date", "Rating"],
        s.ratings.map((r) => [r.date, r.value]),
        "chart-data",
      )}</figure>`,
  );
  return section("skills", "Skills", para("Session ratings, 1 to 5."), summary, ...figures);
}

/** The team's review as a page: the table of reps, and the weeks-by-reps grid of 1:1s with the same grid as a table. */
export function renderTeamHtml(
  team: TeamReview,
  grid: { weeks: string[]; rows: GridRow[] },
  skipped: number,
  everyDays: number,
): string {
  const cadence = onCadenceText(team.on_cadence);
  const body = [
    "<h1>Team coaching review</h1>",
    `<p class="period">${esc(periodText(team.period))}</p>`,
    team.reps.length
      ? `<p><strong>${esc(cadence.lead)}</strong> (${esc(cadence.rest ? `${cadence.rest}; ` : "")}a 1:1 every ${esc(days(everyDays))}).</p>`
      : para("No reps yet."),
  ];
  if (team.reps.length) {
    body.push(
      section(
        "reps",
        "Reps",
        table(
          [
            "Rep",
            "Id",
            "Last 1:1",
            "Days since",
            "Overdue",
            "Held / expected",
            "Open",
            "Overdue commitments",
            "Skill trend",
          ],
          team.reps.map((r) => [
            r.name,
            r.rep,
            r.last_session ?? "never",
            r.days_since ?? "-",
            r.overdue ? { html: '<span class="flag">yes</span>' } : "no",
            `${r.held} / ${r.expected}`,
            r.open_actions,
            r.overdue_actions,
            r.skill_trend ?? "-",
          ]),
        ),
      ),
      section(
        "weeks",
        "1:1s by week",
        `<p class="legend">Filled square: a 1:1 held that week. Crossed square: past the cadence with no 1:1. Dot: not due.</p>`,
        `<figure class="week-grid">${weekGridChart(grid)}</figure>`,
        table(
          ["Rep", ...grid.weeks.map((w) => w.slice(5))],
          grid.rows.map((row) => [
            row.name,
            ...row.cells.map((c) =>
              c.state === "held"
                ? { html: `held${c.sessions > 1 ? ` ×${c.sessions}` : ""}`, className: "held" }
                : c.state === "missed"
                  ? { html: "missed", className: "missed" }
                  : { html: "-" },
            ),
          ]),
          "grid-table chart-data",
        ),
      ),
    );
  }
  if (team.maturity) {
    const { maturity } = team;
    body.push(
      section(
        "maturity",
        `Coaching maturity: ${maturity.level}`,
        `<p>The team's coaching is <strong>${esc(maturity.level)}</strong>: ${esc(levelMeaning(maturity))}.</p>`,
        table(["Evidence over the period", "Share"], maturityEvidenceLines(maturity.evidence)),
        para(nextLevelAdvice(maturity)),
      ),
    );
  }
  if (team.removed_reps.length)
    body.push(
      section(
        "removed",
        "Records of reps no longer in the workspace",
        table(
          ["Rep", "Records", "Last record", "Open commitments"],
          team.removed_reps.map((r) => [r.rep, r.records, r.last_record ?? "-", r.open_actions]),
        ),
      ),
    );
  if (skipped) body.push(skippedNote(skipped));
  return page("Team coaching review", body);
}

function skippedNote(skipped: number): string {
  return `<p class="flag">Note: ${skipped} broken record${skipped === 1 ? " was" : "s were"} skipped; fix the front matter by hand and run the review again.</p>`;
}
