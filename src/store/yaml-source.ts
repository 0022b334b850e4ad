import { readFileSync, statSync } from "node:fs";
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import type * as z from "zod";
import { badInput } from "../errors.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * The most YAML coach reads from one file (coach.yaml, a template, an answers file, a
 * profile, one record's front matter). Real ones are a few kilobytes; a bigger one is a
 * mistake or an attack, and parsing it would take seconds and hundreds of megabytes.
 */
export const MAX_YAML_BYTES = 1024 * 1024;

/** `file:line:1: ... over the limit`, or undefined for text within it. */
export function sizeProblem(text: string, file: string, firstLine = 1): string | undefined {
  // A UTF-16 unit is at most 3 bytes of UTF-8: count bytes only when it could matter.
  if (text.length <= MAX_YAML_BYTES / 3) return undefined;
  const bytes = Buffer.byteLength(text);
  return bytes <= MAX_YAML_BYTES ? undefined : tooBig(file, bytes, firstLine);
}

function tooBig(file: string, bytes: number, firstLine = 1): string {
  const size = (bytes / MAX_YAML_BYTES).toFixed(1);
  return `${file}:${firstLine}:1: the YAML is ${size} MB, over the 1 MB limit; shorten it or split it up`;
}

/** A YAML file's text; one over the limit is refused (exit 2) without being read. */
export function readYamlFile(file: string, hint?: string): string {
  const bytes = statSync(file).size;
  if (bytes > MAX_YAML_BYTES) throw badInput("invalid_yaml", tooBig(file, bytes), hint);
  return readFileSync(file, "utf8");
}

/**
 * Parses YAML that a person wrote and checks it against a schema, turning every
 * failure into `file:line:col: what is wrong`. Aliases are capped (a "billion laughs"
 * file is refused) and tags other than YAML's own are refused, so a file can only
 * ever produce plain data. Nothing is printed: `yaml` would otherwise report an unknown
 * tag or directive on stderr itself; here every warning is a problem we report.
 */
export function parseYaml<T>(schema: z.ZodType<T>, text: string, file: string, firstLine = 1): Parsed<T> {
  const tooBig = sizeProblem(text, file, firstLine);
  if (tooBig) return { ok: false, problem: tooBig };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: "core",
    logLevel: "silent",
  });
  const where = (offset: number | undefined): string => {
    const pos = lineCounter.linePos(offset ?? 0);
    return `${file}:${pos.line + firstLine - 1}:${pos.col}`;
  };
  const syntax = doc.errors[0] ?? doc.warnings[0];
  if (syntax) return { ok: false, problem: `${where(syntax.pos[0])}: ${firstSentence(syntax.message)}` };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return { ok: false, problem: `${where(0)}: ${(error as Error).message} (too many aliases)` };
  }
  const result = schema.safeParse(data ?? {});
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
  return { ok: false, problem: `${where(offsetOf(doc, path))}: ${describeIssue(path, issue.message)}` };
}

/** Like parseYaml, but a failure is an exit-2 error for the user. */
export function loadYaml<T>(schema: z.ZodType<T>, text: string, file: string, hint?: string): T {
  const parsed = parseYaml(schema, text, file);
  if (!parsed.ok) throw badInput("invalid_yaml", parsed.problem, hint);
  return parsed.value;
}

/** The node an issue points at, or the nearest parent that exists (a missing key). */
function offsetOf(doc: Document, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

function describeIssue(path: (string | number)[], message: string): string {
  return path.length ? `${path.join(".")}: ${message}` : message;
}

function firstSentence(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
