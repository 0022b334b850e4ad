import stringWidth from "string-width";

/** Terminal cells a text takes: wide letters (Chinese, emoji) count two, colour codes none. */
export function visibleWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Wraps text at word boundaries to `width` columns: the first line after `first`, the
 * rest after `rest` (a hanging indent). A word longer than a line (a long id, or text in a
 * script written without spaces) is cut, never left sticking out of the terminal.
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
    while (visibleWidth(word) > room() && room() > 1) {
      const [head, tail] = splitAtCells(word, room());
      lines.push(line + head);
      word = tail;
      line = rest;
    }
    line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd()).join("\n");
}

/** Cuts text to `width` cells with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  return `${splitAtCells(text, Math.max(0, width - 1))[0]}…`;
}

/** The longest start of `text` that fits in `cells`, and the rest. */
function splitAtCells(text: string, cells: number): [string, string] {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const w = visibleWidth(char);
    if (used + w > cells) break;
    used += w;
    end += char.length;
  }
  return [text.slice(0, end), text.slice(end)];
}
