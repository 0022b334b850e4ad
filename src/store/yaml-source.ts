import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import type * as z from "zod/mini";
import { inOurWords } from "../domain/issue-words.js";
import type { UnknownKeyIssue } from "../domain/strict.js";
import { badInput } from "../errors.js";
import { type Parsed, sizeProblem } from "./yaml-file.js";

/**
 * Parses YAML that a person wrote and checks it against a schema, turning every
 * failure into `file:line:col: what is wrong`. Aliases are capped (a "billion laughs"
 * file is refused) and tags other than YAML's own are refused, so a file can only
 * ever produce plain data. Nothing is printed: `yaml` would otherwise report an unknown
 * tag or directive on stderr itself; here every warning is a problem we report.
 */
export function parseYaml<T>(schema: z.ZodMiniType<T>, text: string, file: string, firstLine = 1): Parsed<T> {
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
  const result = schema.safeParse(data ?? {}, { error: (issue) => inOurWords(issue, "file") });
  if (result.success) return { ok: true, value: result.data };
  const located = reported(result.error.issues, data)
    .map((issue) => {
      const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
      const offset = issue.params?.at === "key" ? keyOffsetOf(doc, path) : offsetOf(doc, path);
      return { offset, text: `${where(offset)}: ${describeIssue(path, issue.message)}` };
    })
    .sort((a, b) => a.offset - b.offset);
  const problems = [...new Set(located.map((p) => p.text))];
  return { ok: false, problem: problems[0]!, problems, data };
}

type Issue = z.core.$ZodIssue & { params?: Partial<UnknownKeyIssue> };

/**
 * The issues worth telling: a field reported missing is left out when a misspelt key
 * next to it was meant as that field (`promt:` is one mistake, not two).
 */
function reported(issues: readonly z.core.$ZodIssue[], data: unknown): Issue[] {
  const all = issues as readonly Issue[];
  const meant = new Set(
    all.filter((i) => i.params?.meant).map((i) => JSON.stringify([...i.path.slice(0, -1), i.params!.meant])),
  );
  return all.filter((issue) => !(meant.has(JSON.stringify(issue.path)) && valueAt(data, issue.path) === undefined));
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let here = data;
  for (const key of path) {
    if (typeof here !== "object" || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** Where a key itself is written (for an unknown key), else where its value is. */
function keyOffsetOf(doc: Document, path: (string | number)[]): number {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
    if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
  }
  return offsetOf(doc, path);
}

/** Like parseYaml, but a failure is an exit-2 error for the user. */
export function loadYaml<T>(schema: z.ZodMiniType<T>, text: string, file: string, hint?: string): T {
  const parsed = parseYaml(schema, text, file);
  if (!parsed.ok) {
    const more = (parsed.problems?.length ?? 1) - 1;
    const also = more ? ` (and ${more} more problem${more > 1 ? "s" : ""} in this file)` : "";
    throw badInput("invalid_yaml", `${parsed.problem}${also}`, hint);
  }
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
