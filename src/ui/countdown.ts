import { emitKeypressEvents } from "node:readline";
import { PromptCancelled } from "./prompter.js";

/** Keys the countdown reacts to; anything else is ignored. */
export type CountdownKey = "enter" | "cancel";

/** Everything the countdown touches, injected so tests drive it without real time. */
export interface CountdownDeps {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  /** Listens for keys until the returned function is called. */
  listen(onKey: (key: CountdownKey) => void): () => void;
  /** Redraws the one status line. */
  draw(line: string): void;
  /** Ends the status line (and rings the bell when time ran out). */
  finish(line: string): void;
}

export interface CountdownResult {
  /** Whole seconds the response took, at most the timebox. */
  elapsed: number;
  /** `time` when the timebox ran out, `enter` when stopped early. */
  stoppedBy: "time" | "enter";
}

/** "0:45" */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

const BAR_WIDTH = 20;

/** The timer line: time left, a bar that empties as time runs, and how to stop. Pure. */
export function formatTick(remainingMs: number, totalSeconds: number): string {
  const left = Math.max(0, remainingMs) / 1000;
  const filled = Math.round((left / totalSeconds) * BAR_WIDTH);
  return `${formatClock(left)} left  [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]  Enter to stop`;
}

/** Shown before the clock runs: the rep gets ready, the manager starts it. */
export function formatReady(totalSeconds: number): string {
  return `Timebox ${formatClock(totalSeconds)}. Press Enter to start the timer, Enter again to stop.`;
}

/**
 * Waits for Enter, then counts `seconds` down on one redrawn line until time runs out
 * or Enter is pressed again. Ctrl-C at any point rejects with PromptCancelled, like a prompt.
 */
export function runCountdown(seconds: number, deps: CountdownDeps): Promise<CountdownResult> {
  return new Promise((resolve, reject) => {
    const totalMs = seconds * 1000;
    let started: number | undefined;
    let stopTicking = () => {};
    let stopListening = () => {};
    let shown = "";
    const redraw = (line: string) => {
      if (line === shown) return;
      shown = line;
      deps.draw(line);
    };
    const end = (outcome: "time" | "enter" | "cancel") => {
      stopTicking();
      stopListening();
      const elapsedMs = started === undefined ? 0 : Math.min(deps.now() - started, totalMs);
      if (outcome === "cancel") {
        deps.finish("Stopped.");
        return reject(new PromptCancelled());
      }
      const elapsed = Math.round(elapsedMs / 1000);
      deps.finish(
        outcome === "time"
          ? `Time! (${formatClock(seconds)})\u0007`
          : `Stopped at ${formatClock(elapsed)} of ${formatClock(seconds)}.`,
      );
      resolve({ elapsed, stoppedBy: outcome });
    };
    const tick = () => {
      const remaining = totalMs - (deps.now() - started!);
      if (remaining <= 0) return end("time");
      redraw(formatTick(remaining, seconds));
    };
    stopListening = deps.listen((key) => {
      if (key === "cancel") return end("cancel");
      if (started !== undefined) return end("enter");
      started = deps.now();
      tick();
      stopTicking = deps.every(200, tick);
    });
    redraw(formatReady(seconds));
  });
}

/** The real terminal: keys from stdin in raw mode, the line redrawn on stderr. */
export async function terminalCountdown(
  seconds: number,
  stdin: NodeJS.ReadStream,
  stderr: NodeJS.WriteStream,
): Promise<CountdownResult> {
  return runCountdown(seconds, {
    now: () => performance.now(),
    every: (ms, tick) => {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
    listen: (onKey) => {
      emitKeypressEvents(stdin);
      const wasRaw = stdin.isRaw;
      stdin.setRawMode?.(true);
      stdin.resume();
      const onKeypress = (_: string, key: { name?: string; ctrl?: boolean } | undefined) => {
        if (key?.ctrl && key.name === "c") onKey("cancel");
        else if (key?.name === "return" || key?.name === "enter") onKey("enter");
      };
      stdin.on("keypress", onKeypress);
      return () => {
        stdin.off("keypress", onKeypress);
        stdin.setRawMode?.(wasRaw);
        stdin.pause();
      };
    },
    draw: (line) => stderr.write(`\r\u001b[2K${line}`),
    finish: (line) => stderr.write(`\r\u001b[2K${line}\n`),
  });
}
