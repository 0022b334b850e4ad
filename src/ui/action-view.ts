import { describeStatus } from "../domain/actions.js";
import { isOverdue, type TrackedAction } from "../domain/history.js";
import { inline } from "../domain/markdown.js";
import type { Style } from "./style.js";
import { columns } from "./table.js";

/** Commitments as aligned columns; overdue ones are marked with `!` (and red in a terminal). */
export function renderActionList(
  list: TrackedAction[],
  today: string,
  style: Style,
  showRep: boolean,
  width = 80,
): string {
  // The goal column appears once a commitment names the goal it serves.
  const showGoal = list.some(({ action }) => action.goal);
  const header = ["", "ID", ...(showRep ? ["REP"] : []), "OWNER", "DUE", "STATUS", ...(showGoal ? ["GOAL"] : [])]
    .concat("COMMITMENT")
    .map((h) => style.dim(h));
  const rows = list.map(({ action, rep }) => {
    const overdue = isOverdue(action, today);
    const status = describeStatus(action, today);
    return [
      overdue ? style.red("!") : "",
      action.id,
      ...(showRep ? [rep] : []),
      action.owner,
      action.due ?? "-",
      overdue ? style.red(status) : action.status === "open" ? status : style.dim(status),
      ...(showGoal ? [action.goal ?? "-"] : []),
      inline(action.text),
    ];
  });
  const open = list.filter(({ action }) => action.status === "open");
  const overdue = open.filter(({ action }) => isOverdue(action, today)).length;
  const summary = `${open.length} open${overdue ? `, ${overdue} overdue` : ""}${list.length > open.length ? `, ${list.length - open.length} closed` : ""}`;
  return `${columns([header, ...rows], width)}\n${style.dim(summary)}`;
}
