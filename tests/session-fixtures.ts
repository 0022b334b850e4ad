import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { parseRecord } from "../src/store/record-file.js";
import { type InputPrompt, PromptCancelled } from "../src/ui/prompter.js";
import { ScriptedPrompter } from "../src/ui/scripted-prompter.js";
import { coach, tempDir, writeFile } from "./helpers.js";

/** Answers for every question of the built-in prospecting session, its whole bank included. */
export const PROSPECTING_SESSION_ANSWERS = {
  goal: "More first meetings",
  recent_openings: "Opened with our product; the other opened with their quarter",
  buyer_reaction: "They asked a question back",
  preparation: "Their last quarterly report",
  squeezed: "Back-to-back demos",
  rate_opening: 2,
  rate_planning: 4,
  self_talk: "They will hang up on me",
  options: ["Lead with their quarter", "Mention a peer"],
  try_aloud: "Sounded like a person, not a script",
  five_minutes: "Read their news, write one line on why they might care",
  borrow: "Sam's question about their targets",
  different_channel: "A short video message",
  will: "Try the quarter opening with five prospects",
  evidence: "A buyer asks a follow-up question",
  obstacle: "A busy Monday; I will block the first hour",
  support: "Listen to one call with me",
};

/**
 * A workspace with one rep, Alex Kim, whose focus is prospecting (so the session template is
 * fixed) and who has a goal of their own (so the first 1:1 is not the goals conversation).
 */
export async function workspaceWithRep(): Promise<string> {
  const workspace = tempDir();
  await coach(["init", workspace]);
  // The manager has given their name, so a session at a terminal does not ask it.
  const config = join(workspace, "coach.yaml");
  writeFile(config, readFileSync(config, "utf8").replace('manager: ""', "manager: Pat Doe"));
  await coach(["rep", "add", "Alex Kim", "--focus", "prospecting", "--goal", "Run discovery alone"], { workspace });
  return workspace;
}

/** Writes an answers file and returns its path. */
export function answersFile(dir: string, answers: Record<string, unknown>, name = "answers.yaml"): string {
  return writeFile(join(dir, name), stringify(answers));
}

/** Holds a session from an answers file (in-process) and returns the new action ids, in the order made. */
export async function holdSession(
  workspace: string,
  extra: Record<string, unknown> = {},
  argv: string[] = [],
): Promise<string[]> {
  const file = answersFile(tempDir(), { ...PROSPECTING_SESSION_ANSWERS, ...extra });
  const result = await coach(["--json", "session", "alex-kim", "--answers", file, ...argv], { workspace });
  if (result.code !== 0) throw new Error(`session failed: ${result.stderr}`);
  const [path] = (JSON.parse(result.stdout) as { written: string[] }).written;
  const parsed = parseRecord(readFileSync(path!, "utf8"), path!);
  if (!parsed.ok) throw new Error(parsed.problem);
  return (parsed.value.record.actions ?? []).map((a) => a.id);
}

/**
 * A person at a terminal who presses Ctrl-C at the prompt `stopAt`, having typed
 * `typing` into it (what inquirer's prompter reports as pending text).
 */
export class CtrlCPrompter extends ScriptedPrompter {
  private cancelled = false;

  constructor(
    answers: Record<string, unknown>,
    private readonly stopAt: string,
    private readonly typing?: string,
  ) {
    super(answers);
  }

  override async input(prompt: InputPrompt): Promise<string> {
    this.stopIfThere(prompt.id);
    return super.input(prompt);
  }
  override async select(prompt: Parameters<ScriptedPrompter["select"]>[0]) {
    this.stopIfThere(prompt.id);
    return super.select(prompt);
  }
  override async confirm(prompt: Parameters<ScriptedPrompter["confirm"]>[0]) {
    this.stopIfThere(prompt.id);
    return super.confirm(prompt);
  }
  override async checkbox(prompt: Parameters<ScriptedPrompter["checkbox"]>[0]) {
    this.stopIfThere(prompt.id);
    return super.checkbox(prompt);
  }
  override async countdown(prompt: Parameters<ScriptedPrompter["countdown"]>[0]) {
    this.stopIfThere(prompt.id);
    return super.countdown(prompt);
  }

  pendingText(): string | undefined {
    return this.cancelled ? this.typing : undefined;
  }

  private stopIfThere(id: string): void {
    if (id !== this.stopAt) return;
    this.asked.push(id);
    this.cancelled = true;
    throw new PromptCancelled();
  }
}

/**
 * A person who types several answers into a text prompt until one is accepted; the
 * rejections (what the prompt said was wrong) are kept for the test to read.
 */
export class RetypingPrompter extends ScriptedPrompter {
  readonly rejected: { id: string; typed: string; said: string }[] = [];

  constructor(
    answers: Record<string, unknown>,
    private readonly attempts: Record<string, string[]>,
  ) {
    super(answers);
  }

  override async input(prompt: InputPrompt): Promise<string> {
    const tries = this.attempts[prompt.id];
    if (!tries) return super.input(prompt);
    for (const typed of tries) {
      const verdict = prompt.validate?.(typed) ?? true;
      if (verdict === true) {
        this.asked.push(prompt.id);
        return typed;
      }
      this.rejected.push({ id: prompt.id, typed, said: verdict });
    }
    throw new Error(`no accepted answer for ${prompt.id}`);
  }
}

/**
 * Holds a session answering every question it reports missing with a plain value of its type
 * (again while answers bring up questions that depend on them).
 */
export async function holdFromMissing(workspace: string, argv: string[], given: Record<string, unknown> = {}) {
  const plain: Record<string, unknown> = { list: ["x"], scale: 3, confirm: false, date: "2026-11-29" };
  const answers = { ...given };
  for (let round = 0; round < 4; round++) {
    const file = answersFile(tempDir(), answers);
    const result = await coach(["--json", ...argv, "--answers", file], { workspace });
    if (result.code === 0) return;
    const missing = (JSON.parse(result.stderr) as { error: { missing: { id: string; type: string }[] } }).error.missing;
    for (const m of missing) answers[m.id] = plain[m.type] ?? "x";
  }
  throw new Error(`could not complete ${argv.join(" ")}`);
}
