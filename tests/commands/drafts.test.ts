import { existsSync, utimesSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coach, recordFiles } from "../helpers.js";
import { CtrlCPrompter, PROSPECTING_SESSION_ANSWERS, workspaceWithRep } from "../session-fixtures.js";

/** A workspace where Ctrl-C left a draft session of Alex Kim and a draft session of Sam Lee. */
async function workspaceWithDrafts(): Promise<{ workspace: string; alex: string; sam: string }> {
  const workspace = await workspaceWithRep();
  await coach(["rep", "add", "Sam Lee", "--focus", "prospecting", "--goal", "Open with the buyer's quarter"], {
    workspace,
  });
  for (const rep of ["alex-kim", "sam-lee"]) {
    const prompter = new CtrlCPrompter({ focus_choice: "keep", ...PROSPECTING_SESSION_ANSWERS }, "buyer_reaction");
    expect((await coach(["session", rep], { workspace, prompter })).code).toBe(130);
  }
  const id = (rep: string) => recordFiles(workspace, rep)[0]!.split("/").at(-1)!.replace(/\.md$/, "");
  return { workspace, alex: id("alex-kim"), sam: id("sam-lee") };
}

describe("coach drafts", () => {
  it("lists every unfinished draft with its rep, command, start day and how to resume it", async () => {
    const { workspace, alex, sam } = await workspaceWithDrafts();
    const list = await coach(["drafts"], { workspace, columns: 120 });
    expect(list.code).toBe(0);
    expect(list.stdout.split("\n")).toEqual([
      `ID${" ".repeat(alex.length)}REP       COMMAND  STARTED     TO RESUME`,
      `${alex}  alex-kim  session  2026-11-22  coach session alex-kim --resume`,
      `${sam}  sam-lee   session  2026-11-22  coach session sam-lee --resume`,
      "",
    ]);
    expect(list.stderr).toContain("coach drafts discard <id>");
    const mine = JSON.parse((await coach(["--json", "drafts", "Sam Lee"], { workspace })).stdout);
    expect(mine).toEqual([
      {
        id: sam,
        rep: "sam-lee",
        command: "session",
        started: "2026-11-22",
        resume: "coach session sam-lee --resume",
        path: `reps/sam-lee/records/${sam}.md`,
      },
    ]);
    // An empty rep (a script's unset variable) is refused, not read as "every rep".
    const empty = await coach(["drafts", ""], { workspace });
    expect([empty.code, empty.stdout, empty.stderr.split("\n")[0]]).toEqual([
      2,
      "",
      "error: rep '' cannot be empty; use letters, digits and dashes, e.g. alex-kim",
    ]);
  });

  it("--resume and the list take the draft saved last, not the last by file name", async () => {
    const workspace = await workspaceWithRep();
    // Prospecting first, discovery a minute later: by name, discovery sorts first.
    for (const template of ["session-prospecting", "session-discovery"]) {
      // Ctrl-C while typing the first answer: the half-typed text is what the draft keeps.
      const prompter = new CtrlCPrompter({ focus_choice: "keep", ...PROSPECTING_SESSION_ANSWERS }, "goal", "More");
      expect((await coach(["session", "alex-kim", "--template", template], { workspace, prompter })).code).toBe(130);
      if (template === "session-prospecting") {
        const minuteAgo = new Date(Date.now() - 60_000);
        utimesSync(recordFiles(workspace, "alex-kim")[0]!, minuteAgo, minuteAgo);
      }
    }
    const listed = JSON.parse((await coach(["--json", "drafts"], { workspace })).stdout) as {
      id: string;
      resume: string;
    }[];
    const resumeOf = (part: string) => listed.find((d) => d.id.includes(part))?.resume;
    expect(resumeOf("session-discovery")).toBe("coach session alex-kim --resume");
    expect(resumeOf("session-prospecting")).toMatch(/^a later session draft replaces it: `coach drafts discard /);
    const again = await coach(["session", "alex-kim", "--template", "session-mindset"], {
      workspace,
      prompter: new CtrlCPrompter({}, "goal"),
    });
    expect(again.stderr).toMatch(
      /an unfinished draft session exists \(reps\/alex-kim\/records\/[^)]*session-discovery/,
    );
  });

  it("discard removes one draft; an unknown id is refused with the closest draft id, exit 2", async () => {
    const { workspace, alex, sam } = await workspaceWithDrafts();
    const typo = await coach(["drafts", "discard", alex.slice(0, -1)], { workspace });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(`error: no draft '${alex.slice(0, -1)}'; did you mean '${alex}'? See \`coach drafts\`\n`);

    const discarded = await coach(["drafts", "discard", alex], { workspace });
    expect(discarded.code).toBe(0);
    expect(discarded.stderr).toContain(`Discarded the draft session ${alex} of alex-kim`);
    expect(existsSync(`${workspace}/reps/alex-kim/records/${alex}.md`)).toBe(false);
    expect(
      JSON.parse((await coach(["--json", "drafts"], { workspace })).stdout).map((d: { id: string }) => d.id),
    ).toEqual([sam]);
    // With the draft gone, a new session starts afresh and says nothing of a draft.
    const fresh = await coach(["session", "alex-kim", "--resume"], { workspace });
    expect(fresh.stderr).toContain("no draft session for alex-kim to resume");
  });

  it("refuses to discard a finished record", async () => {
    const workspace = await workspaceWithRep();
    const done = await coach(["--json", "actions", "add", "alex-kim", "Call Acme"], { workspace });
    const id = (JSON.parse(done.stdout) as { record: string }).record;
    const refused = await coach(["drafts", "discard", id], { workspace });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`'${id}' is a finished record, not a draft`);
    expect(recordFiles(workspace, "alex-kim")).toHaveLength(1);
  });
});
