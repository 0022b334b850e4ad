import { describe, expect, it } from "vitest";
import { columns, visibleWidth } from "../../src/ui/table.js";
import { truncate, wrap } from "../../src/ui/wrap.js";

describe("columns", () => {
  it("aligns by terminal cells, so a name in Chinese letters does not push the next column", () => {
    const text = columns([
      ["ID", "NAME", "ROLE"],
      ["li-lei", "李雷", "AE"],
      ["alex-kim", "Alex Kim", "SDR"],
    ]);
    const starts = text.split("\n").map((line) => visibleWidth(line.slice(0, line.lastIndexOf(" ") + 1)));
    expect(new Set(starts).size).toBe(1);
  });

  it("wraps the last column at word boundaries under itself when the rows are too wide", () => {
    const text = columns(
      [
        ["k7m2qx", "rep", "Send the recap to Acme and book the pricing review with their CFO"],
        ["p3v8rt", "manager", "Call"],
      ],
      40,
    );
    const lines = text.split("\n");
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(40);
    expect(lines[0]).toBe("k7m2qx  rep      Send the recap to Acme");
    expect(lines[1]).toBe("                 and book the pricing");
    expect(text.replace(/\s+/g, " ")).toContain("Send the recap to Acme and book the pricing review with their CFO");
  });

  it("puts the last column on a line of its own when the others leave it too little room", () => {
    const text = columns([["2026-11-22-session-discovery-k3f9", "Listening and paraphrasing back"]], 40);
    expect(text.split("\n")).toEqual(["2026-11-22-session-discovery-k3f9", "    Listening and paraphrasing back"]);
  });
  it("in a terminal too narrow for the columns, a row's cells break between cells, never inside one", () => {
    const text = columns(
      [
        ["!", "x51p4d", "sam-lee", "rep", "2026-11-06", "overdue 6 days", "Send the recap to Acme"],
        [" ", "0d945t", "dana-park", "rep", "-", "dropped 2026-11-12", "Demo"],
      ],
      40,
    );
    expect(text.split("\n")).toEqual([
      "!  x51p4d  sam-lee  rep  2026-11-06",
      "  overdue 6 days",
      "    Send the recap to Acme",
      "0d945t  dana-park  rep  -",
      "  dropped 2026-11-12",
      "    Demo",
    ]);
  });
});

describe("wrap and truncate", () => {
  it("never cuts inside a wide letter and never passes the width", () => {
    const text = wrap("销售代表销售代表销售代表销售代表销售代表", 11, "- ");
    for (const line of text.split("\n")) expect(visibleWidth(line)).toBeLessThanOrEqual(11);
    expect(text.replace(/[\s-]/g, "")).toBe("销售代表销售代表销售代表销售代表销售代表");
  });

  it("truncates by cells with an ellipsis", () => {
    expect(truncate("李雷李雷李雷", 7)).toBe("李雷李…");
    expect(visibleWidth(truncate("李雷李雷李雷", 7))).toBe(7);
    expect(truncate("alex", 7)).toBe("alex");
  });
});

describe("visibleWidth: the cells a terminal gives a text", () => {
  it.each([
    ["plain ASCII, by its length", "Send the recap to Acme", 22],
    ["accented letters, composed or with a combining mark", "Jose\u0301 Núñez", 10],
    ["Chinese, Japanese and Korean letters, two each", "李雷 销售 日本語 한국어", 23],
    ["a Hangul syllable spelled in jamo", "\u1100\u1161\u11a8", 2],
    ["fullwidth forms two, halfwidth katakana one", "Ｆｕｌｌ ｶﾀｶﾅ", 13],
    ["emoji, two each", "👍😀☕", 6],
    ["an emoji with a skin tone", "👍🏽", 2],
    ["emoji joined into one (a family, a profession, a flag)", "👨‍👩‍👧 👩🏽‍💻 🏳️‍🌈 🇯🇵", 11],
    ["text-style symbols made emoji by U+FE0F, a keycap or a skin tone", "❤️ ⚠️ 1️⃣ ✌🏽", 11],
    ["text-style symbols and punctuation, one each", "☺ © ™ ✓ → … — •", 15],
    ["colour codes and zero-width characters, none", "\x1b[31mred\x1b[0m\u200b\u00ad\ufeff", 3],
  ])("counts %s", (_, text, cells) => {
    expect(visibleWidth(text)).toBe(cells);
  });

  it("aligns a column after names with emoji and accents", () => {
    const text = columns([
      ["Ana 👩🏽‍💻", "AE"],
      ["José", "SDR"],
      ["Li 李雷", "AE"],
    ]);
    const starts = text.split("\n").map((line) => visibleWidth(line.slice(0, line.lastIndexOf(" ") + 1)));
    expect(new Set(starts).size).toBe(1);
  });
});
