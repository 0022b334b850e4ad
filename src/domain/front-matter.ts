export interface SplitFile {
  /** The YAML between the `---` lines, without them. */
  frontMatter: string;
  /** Everything after the closing `---` line. */
  body: string;
  /** 1-based line of the first front-matter line, for `file:line:col` messages. */
  firstLine: number;
}

/**
 * Splits a Markdown file into its YAML front matter and body. Done by hand rather
 * than with gray-matter: that one evaluates `---js` blocks and caches parses.
 * Returns undefined when the file does not start with a front-matter block.
 */
export function splitFrontMatter(text: string): SplitFile | undefined {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(source);
  if (!open) return undefined;
  const rest = source.slice(open[0].length);
  // The closing fence is a `---` or `...` line at column 0. Every multi-line string
  // the tool writes is an indented block scalar, so answer text can never produce one.
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) return undefined;
  return {
    frontMatter: rest.slice(0, close.index),
    body: rest.slice(close.index + close[0].length),
    firstLine: 2,
  };
}

/**
 * `value` with its object keys in the order they have in `like` (keys `like` lacks go
 * last), at every depth: a rewritten record then differs from the file it came from
 * only on the lines whose values changed.
 */
export function inKeyOrderOf<T>(value: T, like: unknown): T {
  if (Array.isArray(value))
    return (Array.isArray(like) ? value.map((item, i) => inKeyOrderOf(item, like[i])) : value) as T;
  if (!isPlainObject(value) || !isPlainObject(like)) return value;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(like))
    if (Object.hasOwn(value, key)) ordered[key] = inKeyOrderOf(value[key], like[key]);
  for (const key of Object.keys(value)) if (!Object.hasOwn(ordered, key)) ordered[key] = value[key];
  return ordered as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
