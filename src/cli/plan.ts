import type { Command } from "commander";
import { type Kit, withExamples, withWriteOptions } from "./kit.js";

export function registerPlan(program: Command, { act }: Kit): void {
  withExamples(
    withWriteOptions(
      program
        .command("plan")
        .argument("[rep]", "rep id or name (asked for in a terminal)")
        .option("--stage <stage>", "focus stage (default: the rep's focus, else the weakest or least-coached stage)")
        .option("--template <id>", "plan template to use")
        .option("--resume", "continue the rep's draft plan"),
    )
      .description("plan the next 1:1: focus stage and why, open commitments, questions to ask")
      .action(
        act(
          async () => (await import("../commands/plan.js")).runPlan,
          ([id], opts) => ({ ...opts, rep: id }),
        ),
      ),
    "coach plan alex-kim",
    "coach plan alex-kim --stage discovery --answers prep.yaml",
  );
}
