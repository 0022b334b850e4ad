import type { Command } from "commander";
import { type Kit, withExamples, withWriteOptions } from "./kit.js";

export function registerSession(program: Command, { act }: Kit): void {
  withExamples(
    withWriteOptions(
      program
        .command("session")
        .argument("[rep]", "rep id or name (asked for in a terminal)")
        .option(
          "--plan <id>",
          "the plan to follow: a plan id, or 'latest' (default: the rep's latest plan not yet held)",
        )
        .option("--template <id>", "session template to use instead of the plan's")
        .option("--resume", "continue the rep's draft session"),
    )
      .description("hold and record a 1:1: follow up commitments, ask, rate skills, agree new commitments")
      .action(
        act(
          async () => (await import("../commands/session.js")).runSession,
          ([id], opts) => ({ ...opts, rep: id }),
        ),
      ),
    "coach session alex-kim",
    "coach session alex-kim --resume",
    "coach session alex-kim --date 2026-11-20 --answers notes.yaml",
  );
}
