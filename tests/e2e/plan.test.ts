import { describe, expect, it } from "vitest";
import { coach, coachBin, recordFiles, tempDir } from "../helpers.js";

// What a plan prints and writes is tested in-process (tests/commands/plan-script.test.ts); this needs the process.
describe("coach plan, as a script runs it (built bin, no terminal)", () => {
  it("never waits for input without a terminal: exit 2 listing every missing answer", async () => {
    const workspace = tempDir();
    const env = { COACH_WORKSPACE: workspace };
    expect((await coach(["rep", "add", "Alex Kim"], { env })).code).toBe(0);
    // A new rep's first plan is the goals conversation: the self-check and its one required question.
    const started = Date.now();
    const result = await coachBin(["plan", "alex-kim"], { env });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: missing answers: self_coaching_works, self_can_coach, self_integrity, self_believe, self_ask, self_hands_off, self_time, self_expectation, opening_question; answer them in a terminal, or give them with --answers FILE\n",
    );
    expect(recordFiles(workspace, "alex-kim")).toEqual([]);
  });
});
