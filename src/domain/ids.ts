import { badInput } from "../errors.js";

/**
 * One character of an id: a letter of any script that has no upper case (lower-case, or
 * a script without case such as Chinese), a combining mark (Devanagari vowel signs), or
 * a digit. No separator, dot, control or bidi character can match, so an id is always
 * safe as a file name. Its only ASCII characters are a-z and 0-9.
 */
const ID_CHARACTER = "[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]";

/** The dash-joined part of a record's file name (a stage, a skill, a commitment's words). */
export const SLUG_PART = `${ID_CHARACTER.slice(0, -1)}-]+`;

const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * A test by a pattern of id characters. Unicode property classes take V8 milliseconds to
 * build and again to first run, on every start; most ids are ASCII, so those are tested
 * by the same pattern written for ASCII, and the Unicode one is built on first need.
 */
export function idPattern(ascii: RegExp, unicode: string): (value: string) => boolean {
  let full: RegExp | undefined;
  return (value) => {
    if (!NON_ASCII.test(value)) return ascii.test(value);
    full ??= new RegExp(unicode, "u");
    return full.test(value);
  };
}

/** `alex-kim`, `李雷`, `li-lei-李雷`: words of id characters joined by single dashes. */
export const isSlug = idPattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `^${ID_CHARACTER}+(?:-${ID_CHARACTER}+)*$`);

/** A template or question id: like a slug, with '_' allowed too. */
export const isTemplateId = idPattern(/^[a-z0-9][a-z0-9_-]*$/, `^${ID_CHARACTER}[${ID_CHARACTER.slice(1, -1)}_-]*$`);

/**
 * "Alex Kim" -> "alex-kim"; accents are folded so "José Núñez" -> "jose-nunez"; other
 * scripts keep their letters: "李雷" -> "李雷", "Li Lei (李雷)" -> "li-lei-李雷".
 */
export function slugify(name: string): string {
  const words = name
    .normalize("NFKD")
    // Only Latin letters lose their accents: "й" is a letter of its own in Russian.
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, "$1")
    // Recomposes what folding left apart: Hangul syllables, kana with their voicing marks.
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  // Cut by code point, never inside a surrogate pair; a dash left at the cut goes.
  return Array.from(words).slice(0, 48).join("").replace(/-+$/, "");
}

/**
 * Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C): they
 * make text display in another order than it is stored, so `alex-kim` on screen could
 * be some other id in the file system ("Trojan Source").
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The first control character other than tab and line breaks (NUL, BEL, ESC...), as U+XXXX:
 * text a record keeps must not hold one, or git takes the file for binary and printing it
 * drives the terminal.
 */
export function strayControlCharacter(text: string): string | undefined {
  const found = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : undefined;
}

/** What is wrong with a name a person gives (a rep's), or undefined: no control or bidi characters, NUL included. */
export function nameProblem(value: string): string | undefined {
  if (CONTROL_CHARACTERS.test(value)) return "cannot contain control characters (such as NUL or a line break)";
  if (BIDI_CONTROLS.test(value))
    return "cannot contain bidirectional controls (such as U+202E), which change the order text is shown in";
  return undefined;
}

/** Refuses a name with control or bidi characters (exit 2), showing them as escapes. */
export function assertSafeName(what: string, value: string): void {
  const problem = nameProblem(value);
  if (problem) throw badInput("invalid_name", `${what} '${printable(value)}' ${problem}`, "type it again without them");
}

/**
 * Every name or id that becomes part of a path goes through here: no separators,
 * no `..`, no control or bidi characters, so nothing is ever written outside the
 * workspace and an id reads as what it is.
 */
export function assertSafeSegment(what: string, value: string): void {
  const problem = /[/\\]/.test(value)
    ? "cannot contain '/' or '\\'"
    : value.includes("..")
      ? "cannot contain '..'"
      : (nameProblem(value) ?? (value.trim() === "" ? "cannot be empty" : undefined));
  if (problem)
    throw badInput(
      "invalid_id",
      `${what} '${printable(value)}' ${problem}`,
      "use letters, digits and dashes, e.g. alex-kim",
    );
}

/** Shows control and bidi characters as escapes so an error message cannot garble the terminal. */
export function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Closest candidate by edit distance, for "did you mean" hints. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(input.length / 3))) return best;
  // A short, slightly mistyped start of a long id ("alx" for "alex-kim").
  return input.length >= 3
    ? candidates.find((c) => editDistance(input.toLowerCase(), c.slice(0, input.length).toLowerCase()) <= 1)
    : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
