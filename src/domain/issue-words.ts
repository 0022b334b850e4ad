import type * as z from "zod/mini";

/** Who reads the sentence: a flag on the command line, or a field of a file someone edits. */
export type IssueReader = "flag" | "file";

const NOUNS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a map of keys and values",
  record: "a map of keys and values",
  date: "a date",
};

/**
 * A sentence for an issue whose schema gave none, so zod's own wording ("Invalid input:
 * expected string, received number") never reaches a user. Schemas' own messages win
 * over this (zod asks a parse's error map only for issues without one).
 */
export function inOurWords(issue: z.core.$ZodRawIssue, reader: IssueReader): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      if (reader === "flag" && issue.expected === "boolean") return "takes no value";
      return `expected ${NOUNS[issue.expected] ?? issue.expected}`;
    case "too_small": {
      const at = issue.inclusive === false ? "more than" : "at least";
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? "cannot be empty" : `needs at least ${issue.minimum} characters`;
      if (issue.origin === "array" || issue.origin === "set")
        return Number(issue.minimum) <= 1 ? "needs at least one item" : `needs at least ${issue.minimum} items`;
      return `must be ${at} ${issue.minimum}`;
    }
    case "too_big": {
      const at = issue.inclusive === false ? "less than" : "at most";
      if (issue.origin === "string") return `keep it under ${Number(issue.maximum) + 1} characters`;
      if (issue.origin === "array" || issue.origin === "set") return `takes at most ${issue.maximum} items`;
      return `must be ${at} ${issue.maximum}`;
    }
    case "invalid_value":
      return `expected one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return "is not in the expected form";
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "invalid_union":
      return "is not in any form this field takes";
    case "unrecognized_keys":
      return reader === "flag"
        ? `unknown ${issue.keys.map((key) => `--${key}`).join(", ")}`
        : `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
    default:
      return "is not valid";
  }
}
