import { describe, expect, it } from "vitest";
import { assertSafeSegment, closest, slugify } from "../../src/domain/ids.js";

describe("ids", () => {
  it.each([
    ["Alex Kim", "alex-kim"],
    ["  José Núñez ", "jose-nunez"],
    ["O'Brien, Pat", "o-brien-pat"],
    ["../../etc/passwd", "etc-passwd"],
    ["🎯", ""],
  ])("slugify(%j) = %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each(["a/b", "a\\b", "..", "x..y", "tab\there", ""])("refuses %j as a path segment, exit 2", (value) => {
    expect(() => assertSafeSegment("rep", value)).toThrow(expect.objectContaining({ exitCode: 2, code: "invalid_id" }));
  });

  it("suggests the closest id for a typo or a mistyped start", () => {
    expect(closest("alx", ["alex-kim", "sam-lee"])).toBe("alex-kim");
    expect(closest("discovry", ["prospecting", "discovery"])).toBe("discovery");
    expect(closest("zzz", ["alex-kim", "sam-lee"])).toBeUndefined();
  });
});
