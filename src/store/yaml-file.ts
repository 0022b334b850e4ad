import { readFileSync, type Stats, statSync } from "node:fs";
import { badInput } from "../errors.js";
import { decodeUtf8Strictly, folderNotFile } from "./files.js";

// What reading a YAML file needs before any parser: the size limit and the result type.
// Modules that read through the index import only this; the parsers (yaml-source.ts, and
// js-yaml in record-file.ts) come with the modules that read whole files or write them.

/** A failure names its first problem; `problems`, when given, is every problem found in the file. */
export type Parsed<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      problem: string;
      problems?: string[];
      /** the YAML's data, when only the schema failed */
      data?: unknown;
    };

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

/** Why a YAML file is refused without being read (a folder in its place, or over the limit), if it is. */
export function refusedUnread(stat: Stats, shownAs: string): string | undefined {
  if (stat.isDirectory()) return folderNotFile(shownAs);
  return stat.size > MAX_YAML_BYTES ? tooBig(shownAs, stat.size) : undefined;
}

/**
 * A YAML file's text; a folder or a file over the limit is refused (exit 2) without being
 * read, and one that is not valid UTF-8 is refused, as coach may rewrite it (or, for an
 * answers file, copy its text into a record) and would replace the bytes a person wrote.
 */
export function readYamlFile(file: string, hint?: string, shownAs = file): string {
  const refused = refusedUnread(statSync(file), shownAs);
  if (refused) throw badInput("invalid_yaml", refused, hint);
  return decodeUtf8Strictly(readFileSync(file), shownAs);
}

/** YAML text arriving on stdin, refused as a file is: over the limit (left unread from there), or not UTF-8. */
export function yamlFromBytes(bytes: Uint8Array | undefined, shownAs: string, hint?: string): string {
  if (bytes === undefined)
    throw badInput("invalid_yaml", `${shownAs}:1:1: the YAML is over the 1 MB limit; shorten it or split it up`, hint);
  return decodeUtf8Strictly(bytes, shownAs);
}
