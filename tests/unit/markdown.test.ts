import { describe, expect, it } from "vitest";
import { renderAnswerValue } from "../../src/domain/markdown.js";

describe("answers in a record's body", () => {
  it("quote an editor's text without an empty line for its final newline", () => {
    expect(renderAnswerValue("First line\nSecond line\n\n")).toBe("> First line\n> Second line");
    expect(renderAnswerValue("One line")).toBe("> One line");
  });
});
