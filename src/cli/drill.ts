import type { Command } from "commander";
import { type Kit, withExamples, withWriteOptions } from "./kit.js";

export function registerDrill(program: Command, { act }: Kit): void {
  withExamples(
    withWriteOptions(
      program
        .command("drill")
        .argument("[rep...]", "rep ids or names: one for practice or a warm-up, several for a clinic")
        .option("--stage <stage>", "drill a skill of this stage (the call's stage for --pre-call)")
        .option("--skill <skill>", "drill this skill (default: the most overdue one)")
        .option("--template <id>", "the drill to run (default: the drill for the most overdue skill)")
        .option("--pre-call", "a warm-up of at most five minutes before a call")
        .option("--deal <name>", "the deal the upcoming call is about (with --pre-call), noted in the record")
        .option("--week", "print the week's routine: what is due, for whom, and an order for the sales meeting"),
    )
      .description("run a practice drill round by round, scored 1-5 and scheduled so weak skills come back sooner")
      .action(
        act(
          async () => (await import("../commands/drill.js")).runDrill,
          ([reps], opts) => ({ ...opts, reps }),
        ),
      ),
    "coach drill alex-kim --pre-call --stage negotiation --deal Acme",
    "coach drill alex-kim sam-lee --template drill-objection-handling",
    "coach drill --week",
    "coach drill alex-kim --answers rounds.yaml --json",
  );
}
