import { describe, expect, it } from "vitest";
import { parseDue, parseSince } from "../../src/domain/when.js";

// 2026-11-22 is a Sunday.
const today = "2026-11-22";

describe("parseDue: due dates as people type them", () => {
  it.each([
    ["2026-12-01", "2026-12-01"],
    ["today", "2026-11-22"],
    ["tomorrow", "2026-11-23"],
    ["friday", "2026-11-27"],
    ["Fri", "2026-11-27"],
    ["sunday", "2026-11-29"],
    ["monday", "2026-11-23"],
    ["next friday", "2026-11-27"],
    ["3d", "2026-11-25"],
    ["2w", "2026-12-06"],
    ["2 weeks", "2026-12-06"],
    ["next week", "2026-11-29"],
    ["next month", "2026-12-22"],
    ["end of month", "2026-11-30"],
    ["  Tomorrow ", "2026-11-23"],
  ])("%s -> %s", (text, expected) => {
    expect(parseDue(text, today)).toBe(expected);
  });

  it("next month from the 31st lands on the month's last day", () => {
    expect(parseDue("next month", "2027-01-31")).toBe("2027-02-28");
  });

  it.each(["soon", "2026-02-30", "fr", "3x", "", "next"])("refuses %j", (text) => {
    expect(parseDue(text, today)).toBeUndefined();
  });
});

describe("parseSince: period starts counted back from today", () => {
  it.each([
    ["90d", "2026-08-24"],
    ["2w", "2026-11-08"],
    ["3m", "2026-08-22"],
    ["monday", "2026-11-16"],
    ["saturday", "2026-11-21"],
    ["yesterday", "2026-11-21"],
    ["last month", "2026-10-22"],
    ["2026-01-01", "2026-01-01"],
  ])("%s -> %s", (text, expected) => {
    expect(parseSince(text, today)).toBe(expected);
  });
});
