import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertSafeName, assertSafeSegment, closest, isSlug, isTemplateId, slugify } from "../../src/domain/ids.js";
import { isRecordFileName } from "../../src/domain/record.js";
import { coach, tempDir } from "../helpers.js";
import { workspaceWithRep } from "../session-fixtures.js";

describe("ids", () => {
  it.each([
    ["Alex Kim", "alex-kim"],
    ["  José Núñez ", "jose-nunez"],
    ["O'Brien, Pat", "o-brien-pat"],
    ["../../etc/passwd", "etc-passwd"],
    ["🎯", ""],
    ["李雷", "李雷"],
    ["Li Lei (李雷)", "li-lei-李雷"],
    ["Дмитрий Петров", "дмитрий-петров"],
    ["김민수", "김민수"],
    ["がっこう", "がっこう"],
    ["नमस्ते दोस्त", "नमस्ते-दोस्त"],
    ["ＡＢＣ１", "abc1"],
  ])("slugify(%j) = %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("keeps ids of every script safe as file names, and cuts long ones between characters", () => {
    expect(isSlug("李雷")).toBe(true);
    expect(isSlug("li-lei-李雷")).toBe(true);
    for (const unsafe of ["Alex", "a/b", "a..b", "a\u202eb", "-a", "a--b", "a b"]) expect(isSlug(unsafe)).toBe(false);
    const long = slugify("𠀀".repeat(60));
    expect(Array.from(long)).toHaveLength(48);
    expect(long).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  it("tells ids and record file names apart the same way whether they are ASCII or not", () => {
    const id = "[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]";
    const slug = new RegExp(`^${id}+(?:-${id}+)*$`, "u");
    const templateId = new RegExp(`^${id}[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}_-]*$`, "u");
    const file = /^\d{4}-\d{2}-\d{2}-(?:plan|session|drill|note)-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}-]+\.md$/u;
    // Every ASCII character in every position of a short id, and a few of other scripts.
    const samples = ["alex-kim", "a", "a1", "1a", "李雷", "li-lei-李雷", "éa", "Éa", "a_b", "_a", "a-", "x\u0301"];
    for (let code = 0; code < 128; code++) {
      const c = String.fromCharCode(code);
      samples.push(c, `a${c}b`, `${c}ab`, `ab${c}`);
    }
    for (const value of samples) {
      expect(isSlug(value), value).toBe(slug.test(value));
      expect(isTemplateId(value), value).toBe(templateId.test(value));
      const name = `2026-11-22-session-${value}.md`;
      expect(isRecordFileName(name), name).toBe(file.test(name));
    }
    expect(isRecordFileName("2026-11-22-session-discovery-k3f9.md")).toBe(true);
    expect(isRecordFileName("2026-11-22-session-李雷-k3f9.md")).toBe(true);
    expect(isRecordFileName("2026-11-22-meeting-discovery-k3f9.md")).toBe(false);
  });

  it.each(["a/b", "a\\b", "..", "x..y", "tab\there", ""])("refuses %j as a path segment, exit 2", (value) => {
    expect(() => assertSafeSegment("rep", value)).toThrow(expect.objectContaining({ exitCode: 2, code: "invalid_id" }));
  });

  it.each([
    ["a right-to-left override", "alex\u202ekim", "alex\\u202ekim"],
    ["an isolate", "alex\u2066kim", "alex\\u2066kim"],
    ["a left-to-right mark", "alex\u200ekim", "alex\\u200ekim"],
    ["an Arabic letter mark", "alex\u061ckim", "alex\\u061ckim"],
    ["NUL", "alex\u0000kim", "alex\\x00kim"],
    ["a C1 control", "alex\u009bkim", "alex\\x9bkim"],
  ])("refuses %s in ids and names, showing it escaped", (_, value, shown) => {
    for (const check of [assertSafeSegment, assertSafeName])
      expect(() => check("rep", value)).toThrow(
        expect.objectContaining({ exitCode: 2, message: expect.stringContaining(`rep '${shown}' cannot contain`) }),
      );
  });

  it("`rep add` refuses a name with a bidi control or NUL, and writes nothing", async () => {
    const workspace = tempDir();
    for (const name of ["Alex \u202eKim", "Alex\u0000Kim"]) {
      const result = await coach(["rep", "add", name], { workspace });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error: .*(cannot contain bidirectional controls|cannot hold control characters)/);
      expect(result.stderr).not.toMatch(/[\u0000\u202e]/);
    }
    expect((await coach(["--json", "rep", "list"], { workspace })).stdout.trim()).toBe("[]");
  });

  it("`rep show` and a team review refuse a profile whose name a person gave a bidi control, at its line", async () => {
    const workspace = await workspaceWithRep();
    writeFileSync(join(workspace, "reps", "alex-kim", "rep.yaml"), 'id: alex-kim\nname: "Alex \\u202eKim"\n');
    const shown = await coach(["rep", "show", "alex-kim"], { workspace });
    expect(shown.code).toBe(2);
    expect(shown.stderr).toMatch(/rep\.yaml:2:7: name: cannot contain bidirectional controls/);
    const team = await coach(["review", "--team"], { workspace });
    expect(team.stderr).toMatch(/rep\.yaml:2:7: name: cannot contain bidirectional controls/);
  });

  it("suggests the closest id for a typo or a mistyped start", () => {
    expect(closest("alx", ["alex-kim", "sam-lee"])).toBe("alex-kim");
    expect(closest("discovry", ["prospecting", "discovery"])).toBe("discovery");
    expect(closest("zzz", ["alex-kim", "sam-lee"])).toBeUndefined();
  });
});
