import { visibleWidth, wrap } from "./wrap.js";

export { visibleWidth };

/** The narrowest the last column gets before it moves to a line of its own. */
const MIN_LAST_COLUMN = 16;

/**
 * Left-aligned columns separated by two spaces, measured in terminal cells (colour codes
 * count for nothing, a Chinese letter or an emoji for two). When the rows are wider than
 * `width`, the last column (the free text: a commitment, a goal) wraps at word boundaries
 * under itself; when even that leaves it too little room, it goes on the next line, indented,
 * and when the other columns alone are too wide, each row becomes a short block of its own.
 */
export function columns(rows: string[][], width = Number.POSITIVE_INFINITY): string {
  const widths: number[] = [];
  for (const row of rows)
    for (const [i, cell] of row.slice(0, -1).entries()) widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell));
  const lead = widths.reduce((sum, w) => sum + w + 2, 0);
  const room = width - lead;
  if (lead > width) return rows.map((row) => stacked(row, width)).join("\n");
  return rows
    .map((row) => {
      const cells = row.slice(0, -1).map((cell, i) => cell + " ".repeat(widths[i]! - visibleWidth(cell)));
      const last = row.at(-1) ?? "";
      const line = row.length > 1 ? `${cells.join("  ")}  ` : "";
      if (visibleWidth(line + last) <= width) return `${line}${last}`.trimEnd();
      if (room >= MIN_LAST_COLUMN) return wrap(last, width, line, " ".repeat(lead));
      return `${line.trimEnd()}\n${wrap(last, width, "    ")}`;
    })
    .join("\n");
}

/** One row for a terminal too narrow for the columns: its cells on a wrapped line, the text below. */
function stacked(row: string[], width: number): string {
  const cells = row.slice(0, -1).filter((cell) => cell.trim() !== "");
  const last = row.at(-1) ?? "";
  return [packed(cells, width), ...(last.trim() ? [wrap(last, width, "    ")] : [])].join("\n");
}

/**
 * Cells two spaces apart, a line broken only between cells (a status such as "overdue 6 days"
 * stays whole), the lines after the first indented; only a cell wider than a line is cut.
 */
function packed(cells: string[], width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const cell of cells) {
    if (line && visibleWidth(`${line}  ${cell}`) > width) {
      lines.push(line);
      line = `  ${cell}`;
    } else line = line ? `${line}  ${cell}` : cell;
  }
  lines.push(line);
  return lines.map((l, i) => (visibleWidth(l) > width ? wrap(l.trim(), width, i ? "  " : "", "  ") : l)).join("\n");
}
