import { stripVTControlCharacters } from "node:util";
import { eastAsianWidth } from "get-east-asian-width";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Marks, controls, format characters (the zero-width joiner, variation selectors) and the
 * vowel and final jamo of a Hangul syllable take no cell.
 */
const NO_CELL = /[\p{Mn}\p{Me}\p{Cc}\p{Cf}\u{1160}-\u{11ff}]/u;
/** U+FE0F or a skin tone after a text-style symbol (☺, ✌, 1) shows it as an emoji, two cells wide. */
const EMOJI_STYLE = /[\u{fe0f}\p{Emoji_Modifier}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const KEYCAP_BASE = /[0-9#*]/;

/**
 * Terminal cells a text takes: wide letters (Chinese, most emoji) count two, marks, joiners
 * and colour codes none. An emoji joined to the one before it (a family, a profession) adds
 * nothing, and a text-style symbol made emoji by U+FE0F or a skin tone takes two.
 *
 * Written here rather than taken from string-width: its Unicode regexes and Intl.Segmenter
 * cost 30-50 ms to build on every run that prints text, a quarter to a half of such a run.
 * Plain ASCII, nearly every cell coach prints, is measured by its length.
 */
export function visibleWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  let previous = ""; // the last character that takes cells
  let added = 0; // how many it added
  let joined = false; // a zero-width joiner came after it
  for (const char of stripVTControlCharacters(text)) {
    if (EMOJI_STYLE.test(char)) {
      if (added === 1 && (PICTOGRAPH.test(previous) || KEYCAP_BASE.test(previous))) {
        width += 1;
        added = 2;
      }
    } else if (NO_CELL.test(char)) joined ||= char === "\u200d";
    else {
      added = joined && PICTOGRAPH.test(char) ? 0 : eastAsianWidth(char.codePointAt(0)!);
      width += added;
      previous = char;
      joined = false;
    }
  }
  return width;
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
