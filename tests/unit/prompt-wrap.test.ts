import { describe, expect, it } from "vitest";
import { withHelp } from "../../src/ui/inquirer-prompter.js";

describe("a long question at a prompt", () => {
  it("wraps at word boundaries to the terminal, leaving room for inquirer's '? '", () => {
    const message =
      "Think of a recent first call or message that earned a meeting, and one that did not. What did you say?";
    const lines = withHelp({ message, help: "Enter keeps the old due date" }, 40).split("\n");
    expect(lines).toEqual([
      "Think of a recent first call or",
      "message that earned a meeting, and",
      "one that did not. What did you say?",
      "  (Enter keeps the old due date)",
    ]);
    for (const line of lines) expect(line.length + 2).toBeLessThanOrEqual(40);
    // every word is whole
    expect(lines.join(" ").replace(/\s+/g, " ").replace(" (Enter keeps the old due date)", "")).toBe(message);
  });
});
