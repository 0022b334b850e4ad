// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell code, where ${...} is the shell's
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, coach, TODAY, tempDir } from "../helpers.js";
import { note, repProfile, session, writeHistory } from "../history.js";

/** A workspace with two reps, a team template and open and closed commitments. */
function workspace(): string {
  const root = tempDir();
  writeHistory(
    root,
    [repProfile("alex-kim"), repProfile("sam-poe")],
    [
      session("alex-kim", "2026-11-20", {
        actions: [{ id: "open001" }, { id: "done001", status: "done", closed_on: "2026-11-21" }],
      }),
      note("sam-poe", "2026-11-02", { id: "open002" }),
    ],
  );
  writeFileSync(
    join(root, "coach.yaml"),
    "stages:\n  - id: discovery\n    name: Discovery\n  - id: closing\n    name: Closing\n",
  );
  return root;
}

/**
 * Sources the bash script in a real bash, as a shell does, and asks for the completions
 * of a command line (the last word is the one being completed). `coach` on PATH is the built bin.
 */
function complete(script: string, root: string, line: string): string[] {
  const bin = join(tempDir(), "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "coach"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, "coach"), 0o755);
  const words = line.split(" ");
  const program = [
    'source "$1"',
    'COMP_WORDS=("${@:2}")',
    "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))",
    "_coach",
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join("\n");
  const file = join(tempDir(), "completion.bash");
  writeFileSync(file, script);
  const out = execFileSync("bash", ["--noprofile", "--norc", "-c", program, "bash", file, ...words], {
    encoding: "utf8",
    cwd: root,
    env: { PATH: `${bin}:${process.env.PATH}`, COACH_WORKSPACE: root, COACH_TODAY: TODAY, HOME: root },
  });
  return out.split("\n").filter(Boolean).sort();
}

describe("coach completion", { timeout: 60_000 }, () => {
  it("completes commands, subcommands, options and the workspace's ids in a real bash", async () => {
    const root = workspace();
    const { code, stdout } = await coach(["completion", "bash"], { workspace: root });
    expect(code).toBe(0);
    expect(stdout).toMatch(/complete -F _coach coach/);

    expect(complete(stdout, root, "coach ")).toEqual(
      expect.arrayContaining([
        "actions",
        "calendar",
        "completion",
        "drill",
        "init",
        "plan",
        "rep",
        "review",
        "session",
        "sync",
        "templates",
      ]),
    );
    expect(complete(stdout, root, "coach re")).toEqual(["rep", "review"]);
    expect(complete(stdout, root, "coach rep ")).toEqual(expect.arrayContaining(["add", "list", "show"]));
    expect(complete(stdout, root, "coach plan ")).toEqual(["alex-kim", "sam-poe"]);
    expect(complete(stdout, root, "coach review a")).toEqual(["alex-kim"]);
    expect(complete(stdout, root, "coach plan alex-kim --stage ")).toEqual(["closing", "discovery"]);
    expect(complete(stdout, root, "coach plan --template plan-disc")).toEqual(
      expect.arrayContaining(["plan-discovery"]),
    );
    expect(complete(stdout, root, "coach actions done ")).toEqual(["open001", "open002"]);
    expect(complete(stdout, root, "coach review --format ")).toEqual(["csv", "html", "json", "md", "text"]);
    expect(complete(stdout, root, "coach actions add alex-kim text --owner ")).toEqual(["manager", "rep"]);
    expect(complete(stdout, root, "coach review --t")).toEqual(["--team"]);
    expect(complete(stdout, root, "coach --js")).toEqual(["--json"]);
    expect(complete(stdout, root, "coach drill alex-kim s")).toEqual(["sam-poe"]);
    expect(complete(stdout, root, "coach completion ")).toEqual(["bash", "fish", "zsh"]);
  });

  it("lists ids for the scripts, and gives zsh and fish scripts of their own", async () => {
    const root = workspace();
    expect((await coach(["completion", "--list", "rep"], { workspace: root })).stdout).toBe("alex-kim\nsam-poe\n");
    expect((await coach(["completion", "--list", "deal"], { workspace: root })).stdout).toBe("");
    const zsh = await coach(["completion", "zsh"], { workspace: root });
    expect(zsh.stdout.startsWith("#compdef coach\n")).toBe(true);
    expect(zsh.stdout).toContain("bashcompinit");
    const fish = await coach(["completion", "fish"], { workspace: root });
    expect(fish.stdout).toContain("complete -c coach -f -n 'not __fish_seen_subcommand_from");
    expect(fish.stdout).toContain("-l stage -r -a '(coach completion --list stage 2>/dev/null)'");
    const bad = await coach(["completion", "tcsh"], { workspace: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected bash, zsh, fish/);
  });
});
