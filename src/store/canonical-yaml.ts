/**
 * A fast reader for the plain YAML this tool itself writes (toYaml): block maps with
 * simple keys, block sequences, one-line plain and quoted scalars, `[]` and `{}`, whole-
 * line comments. Anything else (trailing comments, anchors, tags, flow collections, block scalars, multi-line
 * or odd scalars, unusual indentation, duplicate keys) makes it give up and return
 * undefined, and the caller parses with the `yaml` package as usual.
 *
 * Why: the `yaml` package takes about 0.3 ms for a record's front matter, so building
 * the index of 10,000 records cold took seconds; this takes a tenth of that (and reads
 * coach.yaml and rep profiles at start-up without warming up a full parser). Where it
 * answers, it answers exactly as `yaml` does with the core schema (the property tests
 * in tests/unit/canonical-yaml.test.ts compare the two on random and damaged input).
 */
export function parseCanonicalYaml(text: string): Record<string, unknown> | undefined {
  if (/[\t\r]/.test(text)) return undefined;
  // Blank and comment lines mean nothing outside block scalars and multi-line scalars,
  // and this reader gives up on those wherever they start.
  const lines = text.split("\n").filter((line) => !/^ *(?:#|$)/.test(line));
  const cursor: Cursor = { lines, at: 0 };
  try {
    const map = readMap(cursor, 0);
    return cursor.at === lines.length ? map : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

interface Cursor {
  lines: string[];
  at: number;
}

const GIVE_UP = Symbol("not canonical YAML");
function giveUp(): never {
  throw GIVE_UP;
}

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_-]*):(?: |$)/;
/** Characters YAML does not allow raw, or that the emitter would have escaped. */
const UNPRINTABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

function readMap(cursor: Cursor, indent: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  while (cursor.at < cursor.lines.length) {
    const line = cursor.lines[cursor.at]!;
    const own = indentOf(line);
    if (own < indent) break;
    if (own > indent) giveUp();
    const match = KEY.exec(line.slice(indent));
    if (!match) giveUp();
    const key = match[1]!;
    if (key === "__proto__" || typeof plainScalar(key) !== "string" || Object.hasOwn(map, key)) giveUp();
    cursor.at++;
    map[key] = readValue(cursor, line.slice(indent + match[0].length), indent);
  }
  return map;
}

function readSequence(cursor: Cursor, indent: number): unknown[] {
  const list: unknown[] = [];
  while (cursor.at < cursor.lines.length) {
    const line = cursor.lines[cursor.at]!;
    const own = indentOf(line);
    if (own < indent) break;
    if (own > indent || !line.startsWith("- ", indent)) giveUp();
    const item = line.slice(indent + 2);
    if (KEY.test(item)) {
      // `- key: value` opens a map whose keys sit two columns in.
      cursor.lines[cursor.at] = " ".repeat(indent + 2) + item;
      list.push(readMap(cursor, indent + 2));
    } else {
      cursor.at++;
      list.push(readValue(cursor, item, indent));
    }
  }
  return list;
}

/** The value after `key:` or `- `: inline text, or a block on the lines below when there is none. */
function readValue(cursor: Cursor, inline: string, indent: number): unknown {
  const next = cursor.lines[cursor.at];
  const nested = next !== undefined && indentOf(next) > indent;
  if (inline === "") {
    if (!nested) return null;
    const childIndent = indentOf(next);
    return next.startsWith("- ", childIndent) ? readSequence(cursor, childIndent) : readMap(cursor, childIndent);
  }
  // A more indented line after an inline value would continue a multi-line scalar.
  if (nested) giveUp();
  if (inline === "[]") return [];
  if (inline === "{}") return {};
  if (UNPRINTABLE.test(inline)) giveUp();
  if (inline.startsWith('"')) return doubleQuoted(inline);
  if (inline.startsWith("'")) return singleQuoted(inline);
  return plainScalar(inline);
}

/** A plain scalar resolved as YAML 1.2's core schema does (null, booleans, numbers, else text). */
function plainScalar(text: string): unknown {
  if (
    /^[?:,[\]{}#&*!|>'"%@`]/.test(text) ||
    /^-(?: |$)/.test(text) ||
    text.includes(": ") ||
    text.includes(" #") ||
    text.endsWith(":") ||
    text !== text.trim()
  )
    giveUp();
  if (/^(?:~|[Nn]ull|NULL)$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return text.replace(/^[-+]/, "").length > 15 ? giveUp() : Number(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$/.test(text) || /^[-+]?[0-9]+[eE][-+]?[0-9]+$/.test(text))
    return Number(text);
  // Octal, hexadecimal, infinities and NaN are rare enough to leave to the full parser.
  if (/^(?:0o|0x|[-+]?\.inf|[-+]?\.Inf|[-+]?\.INF|\.nan|\.NaN|\.NAN)/.test(text)) giveUp();
  return text;
}

function singleQuoted(text: string): string {
  if (text.length < 2 || !text.endsWith("'")) giveUp();
  const body = text.slice(1, -1);
  if (body.replace(/''/g, "").includes("'")) giveUp();
  return body.replace(/''/g, "'");
}

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

function doubleQuoted(text: string): string {
  let out = "";
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      if (i !== text.length - 1) giveUp();
      return out;
    }
    if (char !== "\\") {
      out += char;
      continue;
    }
    const code = text[++i];
    if (code === undefined) giveUp();
    if (code in ESCAPES) {
      out += ESCAPES[code];
      continue;
    }
    const digits = HEX_DIGITS[code];
    const hex = digits ? text.slice(i + 1, i + 1 + digits) : "";
    if (!digits || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) giveUp();
    const point = parseInt(hex, 16);
    if (point > 0x10ffff) giveUp();
    out += String.fromCodePoint(point);
    i += digits;
  }
  return giveUp();
}
