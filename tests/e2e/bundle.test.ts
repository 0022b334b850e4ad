import {
  appendFileSync,
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, coach, coachBin, ROOT, tempDir } from "../helpers.js";

const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

/** The installed package (bin, dist, package.json) copied elsewhere, to change without harming the real one. */
function copyOfInstall(parts = ["bin", "dist", "templates", "package.json"]): string {
  const dir = tempDir("coach-install-");
  for (const part of parts) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return join(dir, "bin", "coach.js");
}

/** Runs the built bin and lists every file of the bundle the run loaded, through a module-load hook. */
async function loadedBy(argv: string[], env: Record<string, string> = {}): Promise<string[]> {
  const dir = tempDir("coach-loads-");
  const log = join(dir, "loaded.txt");
  writeFileSync(log, "");
  writeFileSync(
    join(dir, "hooks.mjs"),
    `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return next(url, context);
}
`,
  );
  writeFileSync(
    join(dir, "register.mjs"),
    `import { register } from "node:module"; register("./hooks.mjs", import.meta.url);\n`,
  );
  const result = await coachBin(argv, { env: { NODE_OPTIONS: `--import ${join(dir, "register.mjs")}`, ...env } });
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((url) => url.startsWith("file:") && url.includes("/dist/"))
    .map((url) => fileURLToPath(url));
}

/** Which of the packages that cost most to load the files hold (esbuild marks each module's code with its path). */
function packagesIn(files: string[]): string[] {
  const text = files.map((file) => readFileSync(file, "utf8")).join("\n");
  return ["zod", "yaml", "js-yaml", "@inquirer/core", "date-fns", "csv-stringify", "get-east-asian-width"].filter(
    (name) => new RegExp(`// \\S*node_modules/${name}/`).test(text),
  );
}

describe("the built bundle", () => {
  it("starts --version and --help without any command's code, zod, yaml, date-fns or the prompts", async () => {
    for (const argv of [["--version"], ["--help"]]) {
      const loaded = await loadedBy(argv);
      expect(loaded, argv.join(" ")).toContain(join(ROOT, "dist", "coach.mjs"));
      expect(packagesIn(loaded), argv.join(" ")).toEqual([]);
      expect(readFileSync(loaded.find((f) => f.endsWith("coach.mjs"))!, "utf8")).not.toContain("function runPlan(");
    }
  });

  it("loads the prompt library only for a run that can prompt", async () => {
    const workspace = tempDir();
    for (const argv of [
      ["templates", "list"],
      ["review", "--team"],
      ["plan", "--help"],
    ])
      expect(packagesIn(await loadedBy(argv, { COACH_WORKSPACE: workspace })), argv.join(" ")).not.toContain(
        "@inquirer/core",
      );
  });

  it("loads csv-stringify only to write CSV, and the measure of wide letters only to print text", async () => {
    const workspace = tempDir();
    await coach(["init", workspace]);
    const review = packagesIn(await loadedBy(["review", "--team", "--json"], { COACH_WORKSPACE: workspace }));
    expect(review).not.toContain("csv-stringify");
    expect(review).not.toContain("get-east-asian-width");
    const actions = packagesIn(await loadedBy(["actions", "--json"], { COACH_WORKSPACE: workspace }));
    expect(actions).not.toContain("csv-stringify");
    const csv = packagesIn(await loadedBy(["review", "--team", "--format", "csv"], { COACH_WORKSPACE: workspace }));
    expect(csv).toContain("csv-stringify");
    const text = packagesIn(await loadedBy(["review", "--team"], { COACH_WORKSPACE: workspace }));
    expect(text).toContain("get-east-asian-width");
  });

  it("loads a YAML parser only when a file is new or changed: a warm review parses nothing", async () => {
    const workspace = tempDir();
    const env = { COACH_WORKSPACE: workspace };
    await coach(["init", workspace]);
    await coach(["rep", "add", "Alex Kim"], { env });
    const added = await coach(["actions", "add", "alex-kim", "Call Acme back"], { env });
    expect(added.code, added.stderr).toBe(0);
    const records = join(workspace, "reps", "alex-kim", "records");
    const record = join(records, readdirSync(records)[0]!);
    // Written an hour ago: a file changed moments before a read is parsed again (its stamp is not trusted yet).
    const settle = () => {
      const anHourAgo = new Date(Date.now() - 3_600_000);
      for (const file of ["coach.yaml", join("reps", "alex-kim", "rep.yaml")])
        utimesSync(join(workspace, file), anHourAgo, anHourAgo);
      utimesSync(record, anHourAgo, anHourAgo);
    };
    settle();
    expect(packagesIn(await loadedBy(["review", "--team", "--json"], env))).toEqual(
      expect.arrayContaining(["yaml", "js-yaml"]),
    );
    const warm = packagesIn(await loadedBy(["review", "--team", "--json"], env));
    expect(warm).not.toContain("yaml");
    expect(warm).not.toContain("js-yaml");
    // Listing commitments writes nothing, so it loads no writer either.
    const listed = packagesIn(await loadedBy(["actions", "--json"], env));
    expect(listed).not.toContain("yaml");
    expect(listed).not.toContain("js-yaml");
    // One rep's review finds the rep's profile through the index too.
    const one = packagesIn(await loadedBy(["review", "alex-kim", "--json"], env));
    expect(one).not.toContain("yaml");
    expect(one).not.toContain("js-yaml");
    // So do the list of reps, one rep's profile, a rep found by name and the templates listed or shown.
    for (const args of [
      ["rep", "list"],
      ["rep", "show", "alex-kim"],
      ["review", "Alex Kim", "--json"],
      ["templates", "list"],
      ["templates", "show", "session-discovery"],
    ])
      expect(packagesIn(await loadedBy(args, env)), args.join(" ")).not.toContain("yaml");
    appendFileSync(record, "A note added by hand.\n");
    settle();
    const edited = packagesIn(await loadedBy(["review", "--team", "--json"], env));
    expect(edited).toContain("js-yaml");
  });

  it("keeps a pack's templates and the deals checked in the index: a warm review parses none of them", async () => {
    const workspace = join(tempDir(), "meddpicc");
    expect((await coach(["init", workspace, "--process", "meddpicc"])).code).toBe(0);
    await coach(["rep", "add", "Alex Kim"], { workspace });
    expect((await coach(["deal", "add", "alex-kim", "Acme renewal"], { workspace })).code).toBe(0);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const file of readdirSync(workspace, { recursive: true, encoding: "utf8" }))
      if (/\.(ya?ml|md)$/.test(file)) utimesSync(join(workspace, file), anHourAgo, anHourAgo);
    const env = { COACH_WORKSPACE: workspace };
    expect(packagesIn(await loadedBy(["review", "--team", "--json"], env))).toContain("yaml");
    expect(packagesIn(await loadedBy(["review", "--team", "--json"], env))).not.toContain("yaml");
    expect(packagesIn(await loadedBy(["deal", "list", "alex-kim"], env))).not.toContain("yaml");
  });

  it("uses zod/mini: none of zod's classic API, none of its message locales (coach words every issue itself)", () => {
    const files = [
      join(ROOT, "dist", "coach.mjs"),
      ...readdirSync(join(ROOT, "dist", "chunks")).map((f) => join(ROOT, "dist", "chunks", f)),
    ];
    const zodParts = files.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\/\/ \S*node_modules\/zod\/v4\/(classic|locales|mini)\//g)].map(
        (m) => m[1],
      ),
    );
    expect(new Set(zodParts)).toEqual(new Set(["mini"]));
  });

  it("carries the built-in templates compiled in: an install without templates/ lists and shows them all", async () => {
    const bin = copyOfInstall(["bin", "dist", "package.json"]);
    const workspace = tempDir();
    const listed = await coachBin(["templates", "list", "--json"], { bin, env: { COACH_WORKSPACE: workspace } });
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual(
      JSON.parse((await coach(["templates", "list", "--json"], { workspace })).stdout),
    );
    const shown = await coachBin(["templates", "show", "session-discovery", "--json"], {
      bin,
      env: { COACH_WORKSPACE: workspace },
    });
    expect(JSON.parse(shown.stdout)).toEqual(
      JSON.parse((await coach(["templates", "show", "session-discovery", "--json"], { workspace })).stdout),
    );
  });

  it("runs from an install that cannot be written to, and writes nothing there (the compile cache is in the OS temp dir)", async () => {
    const bin = copyOfInstall();
    const workspace = tempDir();
    const env = { COACH_WORKSPACE: workspace };
    const install = join(bin, "..", "..");
    const walk = (path: string): string[] =>
      statSync(path).isDirectory() ? [path, ...readdirSync(path).flatMap((name) => walk(join(path, name)))] : [path];
    const before = walk(install);
    for (const path of [...before].reverse()) chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    try {
      expect(await coachBin(["--version"], { bin, env })).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
      expect((await coachBin(["rep", "add", "Alex Kim"], { bin, env })).code).toBe(0);
      const list = await coachBin(["rep", "list", "--json"], { bin, env });
      expect(JSON.parse(list.stdout)).toMatchObject([{ id: "alex-kim", name: "Alex Kim" }]);
      expect(walk(install)).toEqual(before);
    } finally {
      for (const path of walk(install)) chmodSync(path, 0o755);
    }
  });

  it("says how to build it when dist/ is missing, instead of a stack trace", async () => {
    const dir = tempDir("coach-unbuilt-");
    mkdirSync(join(dir, "bin"));
    cpSync(BIN, join(dir, "bin", "coach.js"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    expect(await coachBin(["--version"], { bin: join(dir, "bin", "coach.js") })).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: coach is not built yet; run `npm install` (or `npm run build`) in its folder\n",
    });
    rmSync(dir, { recursive: true, force: true });
  });
});
