import { describe, expect, it } from "vitest";
import { checkMet, rubricScore } from "../../src/domain/rubric.js";

const plain = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `item ${i}`, must: false, live: false }));
const withMust = (n: number) => plain(n).map((item, i) => (i === 0 ? { ...item, must: true } : item));

describe("a rubric's computed score", () => {
  it("is 1 + round(4 x met / items)", () => {
    expect([0, 1, 2, 3, 4].map((met) => rubricScore(plain(4), [...Array(met).keys()]))).toEqual([1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3].map((met) => rubricScore(plain(3), [...Array(met).keys()]))).toEqual([1, 2, 4, 5]);
  });

  it("is at most 2 while a must item is unmet, however many others are ticked", () => {
    expect(rubricScore(withMust(4), [1, 2, 3])).toBe(2);
    expect(rubricScore(withMust(4), [0, 1, 2])).toBe(4);
    expect(rubricScore(withMust(4), [])).toBe(1);
  });

  it("counts an index ticked twice once", () => {
    expect(rubricScore(plain(4), [1, 1, 1])).toBe(2);
  });
});

describe("checking the items ticked", () => {
  it("sorts and deduplicates, and refuses an index that is not an item", () => {
    expect(checkMet(plain(3), [2, 0, 2])).toEqual({ met: [0, 2] });
    expect(checkMet(plain(3), [3])).toEqual({
      error: "3 is not an item of this round; give indexes from 0 to 2",
    });
  });
});
