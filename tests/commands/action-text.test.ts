import { describe, expect, it } from "vitest";
import { coach, tempDir } from "../helpers.js";

describe("a commitment's text", () => {
  it("keeps what was typed but the spaces around it, a no-break space or line separator included", async () => {
    const workspace = tempDir();
    await coach(["rep", "add", "Alex Kim"], { workspace });
    const text = "\u00a0Call the CFO\u2028then Acme\u00a0";
    const added = await coach(["actions", "add", "alex-kim", `  ${text}\t `, "--json"], { workspace });
    expect(added.code, added.stderr).toBe(0);
    const listed = JSON.parse((await coach(["actions", "--json"], { workspace })).stdout) as { text: string }[];
    expect(listed.map((a) => a.text)).toEqual([text]);
    expect((await coach(["actions", "add", "alex-kim", " \t "], { workspace })).code).toBe(2);
  });
});
