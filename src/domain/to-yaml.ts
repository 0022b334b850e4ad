import { Document, parse, visit } from "yaml";

// Writing YAML is kept apart from reading it (front-matter.ts): the `yaml` library is a
// third of what a command loads, and a run that only reads the index never needs it.

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
