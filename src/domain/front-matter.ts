import { Document, parse, visit } from "yaml";

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
 * YAML that reads the same in YAML 1.2 and 1.1 parsers (PyYAML, Jekyll): emitting as
 * 1.1 quotes every string that 1.1 would take for a boolean, date, null or octal
 * (`yes`, `on`, `2026-01-05`, `012`); what only 1.2 would take for another type (`0o17`)
 * or what PyYAML refuses unquoted (tabs, `<<`, `=`) is quoted too. No line folding keeps
 * long answers intact.
 *
 * Characters that parsers refuse raw or read as something else (control characters, DEL,
 * C1 characters such as NEL, which YAML 1.1 takes for a line break, U+2028/U+2029, lone
 * surrogates, byte-order marks and non-characters) are written as escapes in a one-line
 * double-quoted scalar, whatever else the string holds.
 */
export function toYaml(value: unknown): string {
  const doc = new Document(value, { version: "1.1", aliasDuplicateObjects: false, logLevel: "error" });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== "string") return;
      if (needsEscapes(node.value)) node.type = "QUOTE_DOUBLE";
      else if (readsAsSomethingElse(node.value)) {
        node.type = "QUOTE_DOUBLE";
        // The emitter writes a merge key bare whatever the style: an explicit tag keeps it text.
        if (node.value === "<<") node.tag = "tag:yaml.org,2002:str";
      }
    },
  });
  // `yaml` escapes in double quotes what JSON escapes (C0 controls, lone surrogates) and
  // writes the rest raw; every string holding one is double-quoted above, so each such
  // character in the output stands inside double quotes, where its escape means the same.
  return doc
    .toString({ lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER })
    .replace(RAW_IN_QUOTES, escapeChar);
}

/** Control characters but tab and newline, DEL, C1, U+2028/U+2029, lone surrogates, BOM, U+FFFE/U+FFFF. */
const NEEDS_ESCAPES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Those the emitter leaves raw inside double quotes (it escapes C0 and lone surrogates itself). */
const RAW_IN_QUOTES = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

function needsEscapes(text: string): boolean {
  return NEEDS_ESCAPES.test(text);
}

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

function readsAsSomethingElse(text: string): boolean {
  // A block scalar reads back as text in every parser, unless a tab stands where libyaml (PyYAML)
  // wants indentation, or a line holds only spaces (`yaml` drops them at a block's start and
  // end): such text goes in double quotes.
  if (text.includes("\n")) return text.includes("\t") || /(^|\n) +(\n|$)/.test(text);
  if (text.includes("\t") || text === "<<" || text === "=") return true;
  try {
    // "error": `yaml` would otherwise print a warning for text such as `!urgent: ...` or `%p draft`.
    return parse(text, { logLevel: "error" }) !== text;
  } catch {
    return false; // not plain-safe at all: the emitter quotes it anyway
  }
}

export function joinFrontMatter(frontMatter: unknown, body: string): string {
  return `---\n${toYaml(frontMatter)}---\n${body}`;
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
