import { stripVTControlCharacters } from "node:util";

/** Left-aligned columns separated by two spaces; colour codes do not count towards width. */
export function columns(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows)
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat(widths[i]! - visibleWidth(cell))))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function visibleWidth(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}
