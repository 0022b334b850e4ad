import { visibleWidth } from "./table.js";

/**
 * Wraps text at word boundaries to `width` columns: the first line after `first`, the
 * rest after `rest` (a hanging indent). A word longer than a line is cut, never left
 * sticking out of an 80-column terminal.
 */
export function wrap(text: string, width: number, first = "", rest = " ".repeat(visibleWidth(first))): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = () => width - visibleWidth(line);
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && visibleWidth(word) + 1 > room()) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    while (visibleWidth(word) > room() && room() > 0) {
      const chars = [...word];
      const fits = room();
      lines.push(line + chars.slice(0, fits).join(""));
      word = chars.slice(fits).join("");
      line = rest;
    }
    line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd()).join("\n");
}

/** Cuts text to `width` columns with an ellipsis. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}
