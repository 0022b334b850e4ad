import type { Command } from "commander";
import { type Kit, withExamples } from "./kit.js";

export function registerReview(program: Command, { act }: Kit): void {
  withExamples(
    program
      .command("review")
      .argument("[rep]", "rep id or name (default: the whole team)")
      .option("--team", "one row per rep, overdue reps first")
      .option(
        "--since <when>",
        "start of the period, e.g. 2026-09-01, 30d, 12w, 3m (default: coach.yaml's defaults.review_days, 90 days)",
      )
      .option("--format <format>", "text, md or json (default: text; --json means json)")
      .option("--out <file>", "write the report to a file instead of the terminal")
      .description("review coaching: cadence, commitments kept, skill trends, coverage, next steps")
      .action(
        act(
          async () => (await import("../commands/review.js")).runReview,
          ([rep], opts) => ({ ...opts, rep }),
        ),
      ),
    "coach review alex-kim",
    "coach review --team --since 30d",
    "coach review alex-kim --format md --out alex-review.md",
    "coach review --team --json",
  );
}
