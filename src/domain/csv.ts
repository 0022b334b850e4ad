import { stringify } from "csv-stringify/sync";
import { actionRow } from "./actions.js";
import type { TrackedAction } from "./history.js";
import type { TeamReview } from "./team-review.js";

type Cell = string | number | boolean | null;

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula; a
 * commitment typed as "=HYPERLINK(...)" must stay text. A leading apostrophe is what
 * spreadsheets themselves use to mark such a cell as text.
 */
function asText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a header row, CRLF line ends, fields quoted only when they need it. */
function toCsv(columns: string[], rows: Cell[][]): string {
  return stringify(rows, {
    header: true,
    columns,
    record_delimiter: "windows",
    cast: { boolean: String },
  });
}

export const TEAM_CSV_COLUMNS = [
  "rep",
  "name",
  "last_session",
  "days_since",
  "overdue",
  "held",
  "expected",
  "open_actions",
  "overdue_actions",
  "skill_trend",
];

/** `coach review --team --format csv`: one row per rep, in the report's order (overdue first). */
export function teamCsv(team: TeamReview): string {
  return toCsv(
    TEAM_CSV_COLUMNS,
    team.reps.map((row) => [
      row.rep,
      asText(row.name),
      row.last_session,
      row.days_since,
      row.overdue,
      row.held,
      row.expected,
      row.open_actions,
      row.overdue_actions,
      row.skill_trend,
    ]),
  );
}

export const ACTIONS_CSV_COLUMNS = ["id", "rep", "text", "owner", "due", "status", "closed_on", "record"];

/** `coach actions --format csv`: the columns of `coach actions --json`, one row per commitment. */
export function actionsCsv(actions: TrackedAction[]): string {
  return toCsv(
    ACTIONS_CSV_COLUMNS,
    actions.map((tracked) => {
      const row = actionRow(tracked);
      return [row.id, row.rep, asText(row.text), row.owner, row.due, row.status, row.closed_on, row.record];
    }),
  );
}
