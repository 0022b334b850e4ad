import { badInput } from "../errors.js";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/** "Alex Kim" -> "alex-kim"; accents are folded so "José Núñez" -> "jose-nunez". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
}

/**
 * Every name or id that becomes part of a path goes through here: no separators,
 * no `..`, no control characters, so nothing is ever written outside the workspace.
 */
export function assertSafeSegment(what: string, value: string): void {
  const problem = /[/\\]/.test(value)
    ? "cannot contain '/' or '\\'"
    : value.includes("..")
      ? "cannot contain '..'"
      : /[\u0000-\u001f\u007f]/.test(value)
        ? "cannot contain control characters"
        : value.trim() === ""
          ? "cannot be empty"
          : undefined;
  if (problem)
    throw badInput(
      "invalid_id",
      `${what} '${printable(value)}' ${problem}`,
      "use letters, digits and dashes, e.g. alex-kim",
    );
}

/** Shows control characters as escapes so an error message cannot garble the terminal. */
export function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
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
