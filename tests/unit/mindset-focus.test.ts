import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/domain/config.js";
import { mindsetNeeded } from "../../src/domain/mindset-focus.js";
import { drill, session, stored } from "../history.js";

describe("the mindset session as the next focus", () => {
  it("follows a low core-skill score in a drill, now that the 1:1s reflect on self-talk rather than grade it", () => {
    const call = mindsetNeeded(DEFAULT_CONFIG, stored([drill("ann", "2026-11-18", "self-talk", [2, 1])]));
    expect(call).toMatchObject({ skill: "self-talk", value: 2, date: "2026-11-18" });
    expect(call?.reason).toBe("self-talk scored 2 on 2026-11-18: the mindset session comes first");
  });

  it("reads the latest of a 1:1 rating and a drill score", () => {
    const recovered = [
      session("ann", "2026-11-10", { ratings: { purpose: 1 } }),
      drill("ann", "2026-11-18", "purpose", [4]),
    ];
    expect(mindsetNeeded(DEFAULT_CONFIG, stored(recovered))).toBeUndefined();
    const slipped = [
      drill("ann", "2026-11-10", "purpose", [4]),
      session("ann", "2026-11-18", { ratings: { purpose: 2 } }),
    ];
    expect(mindsetNeeded(DEFAULT_CONFIG, stored(slipped))?.reason).toBe(
      "purpose rated 2 on 2026-11-18: the mindset session comes first",
    );
  });

  it("leaves a stage skill's low drill score to the drill schedule", () => {
    expect(
      mindsetNeeded(DEFAULT_CONFIG, stored([drill("ann", "2026-11-18", "opening-statement", [1])])),
    ).toBeUndefined();
  });
});
