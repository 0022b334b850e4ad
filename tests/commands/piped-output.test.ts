import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { run } from "../../src/main.js";
import { TODAY, tempDir } from "../helpers.js";

class Sink {
  text = "";
  constructor(readonly isTTY: boolean) {}
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

/** `coach plan alex-kim | head` typed at a terminal: stdin is one, stdout is a pipe. */
async function pipedAtATerminal(argv: string[], workspace: string, stdinIsTTY: boolean) {
  const stdout = new Sink(false);
  const stderr = new Sink(false);
  const stdin = Object.assign(Readable.from([""]), { isTTY: stdinIsTTY });
  const env = { COACH_TODAY: TODAY, NO_COLOR: "1", COACH_WORKSPACE: workspace };
  const code = await run(argv, { stdout, stderr, stdin, env, cwd: workspace });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe("a write command whose output goes to a pipe", () => {
  it("says stdout is not a terminal, and how to run it, when stdin is one", async () => {
    const workspace = tempDir();
    await pipedAtATerminal(["rep", "add", "Alex Kim", "--focus", "prospecting", "--goal", "Win Acme"], workspace, true);
    const result = await pipedAtATerminal(["plan", "alex-kim"], workspace, true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing answers:");
    expect(result.stderr).toContain("stdout is not a terminal (it goes to a pipe or a file)");
    expect(result.stderr).not.toContain("answer them in a terminal");
  });

  it("keeps 'answer them in a terminal' for a script with no terminal at all", async () => {
    const workspace = tempDir();
    await pipedAtATerminal(
      ["rep", "add", "Alex Kim", "--focus", "prospecting", "--goal", "Win Acme"],
      workspace,
      false,
    );
    const result = await pipedAtATerminal(["plan", "alex-kim"], workspace, false);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("answer them in a terminal");
  });
});
