import { describe, expect, it } from "vitest";
import {
  type CountdownDeps,
  type CountdownKey,
  formatClock,
  formatReady,
  formatTick,
  runCountdown,
} from "../../src/ui/countdown.js";
import { PromptCancelled } from "../../src/ui/prompter.js";

/** A hand-cranked clock: time moves only when the test says so. */
function fakeTerminal() {
  let now = 0;
  let tick: (() => void) | undefined;
  let onKey: ((key: CountdownKey) => void) | undefined;
  const lines: string[] = [];
  const finished: string[] = [];
  let listening = false;
  const deps: CountdownDeps = {
    now: () => now,
    every: (_ms, fn) => {
      tick = fn;
      return () => (tick = undefined);
    },
    listen: (fn) => {
      onKey = fn;
      listening = true;
      return () => (listening = false);
    },
    draw: (line) => lines.push(line),
    finish: (line) => finished.push(line),
  };
  return {
    deps,
    lines,
    finished,
    press: (key: CountdownKey) => onKey!(key),
    advance(ms: number) {
      for (let t = 0; t < ms; t += 200) {
        now += 200;
        tick?.();
      }
    },
    get ticking() {
      return tick !== undefined;
    },
    get listening() {
      return listening;
    },
  };
}

describe("countdown formatting", () => {
  it("shows minutes and seconds, rounding up partial seconds", () => {
    expect(formatClock(60)).toBe("1:00");
    expect(formatClock(44.2)).toBe("0:45");
    expect(formatClock(-3)).toBe("0:00");
  });

  it("draws the time left and a bar that empties", () => {
    expect(formatTick(60_000, 60)).toBe("1:00 left  [####################]  Enter to stop");
    expect(formatTick(15_000, 60)).toBe("0:15 left  [#####---------------]  Enter to stop");
    expect(formatTick(0, 60)).toBe("0:00 left  [--------------------]  Enter to stop");
    expect(formatReady(90)).toContain("Timebox 1:30. Press Enter to start");
  });
});

describe("runCountdown", () => {
  it("waits for Enter, then counts down to zero and stops by itself", async () => {
    const t = fakeTerminal();
    const done = runCountdown(3, t.deps);
    expect(t.lines).toEqual([formatReady(3)]);
    t.press("enter");
    t.advance(1000);
    expect(t.lines[1]).toBe(formatTick(3000, 3));
    expect(t.lines.at(-1)).toBe(formatTick(2000, 3));
    t.advance(2000);
    await expect(done).resolves.toEqual({ elapsed: 3, stoppedBy: "time" });
    expect(t.finished[0]).toMatch(/^Time! \(0:03\)/);
    expect(t.ticking).toBe(false);
    expect(t.listening).toBe(false);
  });

  it("stops early on a second Enter and says when", async () => {
    const t = fakeTerminal();
    const done = runCountdown(60, t.deps);
    t.press("enter");
    t.advance(12_000);
    t.press("enter");
    await expect(done).resolves.toEqual({ elapsed: 12, stoppedBy: "enter" });
    expect(t.finished).toEqual(["Stopped at 0:12 of 1:00."]);
    expect(t.ticking).toBe(false);
  });

  it("redraws only when the line changes, never repeating itself", () => {
    const t = fakeTerminal();
    void runCountdown(10, t.deps);
    t.press("enter");
    t.advance(3000);
    expect(t.lines.length).toBeLessThan(3000 / 200);
    expect(t.lines.every((line, i) => line !== t.lines[i - 1])).toBe(true);
    expect(t.lines.at(-1)).toMatch(/^0:07 left/);
  });

  it("Ctrl-C cancels like a prompt does, before or during the count", async () => {
    for (const started of [false, true]) {
      const t = fakeTerminal();
      const done = runCountdown(30, t.deps);
      if (started) {
        t.press("enter");
        t.advance(1000);
      }
      t.press("cancel");
      await expect(done).rejects.toBeInstanceOf(PromptCancelled);
      expect(t.listening).toBe(false);
    }
  });
});
