// Benchmark of reading many records: `coach review --team --json` on synthetic workspaces
// of 1,000, 10,000 and 100,000 records over 100 reps, against the floor (a plain Node
// script that reads every record file and splits off its front matter).
//
//   npm run bench:records                 all three sizes (the first 100k run generates for minutes)
//   node scripts/bench-records.js 1000 10000    chosen sizes (or BENCH_SIZES=1000,10000);
//                                               BENCH_RUNS=15 for more warm runs (default 9)
//
// Runs the BUILT bin (npm run build first; the npm script does). Workspaces are generated
// once through the project's own record code and cached in $TMPDIR/coach-bench-records/.
// Peak memory is the child's own maxRSS (process.resourceUsage), reported at exit by a
// module preloaded with --import, so it works wherever Node 20 does.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "coach.js");
const TODAY = "2026-11-22";
const GENERATOR_VERSION = 1;
const CACHE = join(tmpdir(), "coach-bench-records");
const sizes = (
  process.argv.slice(2).length ? process.argv.slice(2) : (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",")
).map(Number);
const RUNS = { cold: 3, warm: Number(process.env.BENCH_RUNS ?? 9) };

mkdirSync(CACHE, { recursive: true });
const floorScript = join(CACHE, "floor.mjs");
writeFileSync(
  floorScript,
  `import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
const reps = join(process.argv[2], "reps");
let records = 0;
let frontMatter = 0;
for (const rep of readdirSync(reps)) {
  const dir = join(reps, rep, "records");
  let names = [];
  try { names = readdirSync(dir); } catch { continue; }
  for (const name of names) {
    if (!name.endsWith(".md")) continue;
    const text = readFileSync(join(dir, name), "utf8");
    const end = text.indexOf("\\n---\\n", 3);
    frontMatter += text.slice(4, end).length;
    records++;
  }
}
console.log(JSON.stringify({ records, frontMatter }));
`,
);
const rssScript = join(CACHE, "rss.mjs");
writeFileSync(
  rssScript,
  `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ rssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });\n`,
);

// An empty workspace (default coach.yaml, no reps): what coach review costs before any record.
const emptyWorkspace = join(CACHE, "ws-empty");
rmSync(emptyWorkspace, { recursive: true, force: true });
mkdirSync(join(emptyWorkspace, "reps"), { recursive: true });
writeFileSync(join(emptyWorkspace, "coach.yaml"), "cadence:\n  one_on_one_days: 7\n");
const generator = await bundleGenerator();
const results = [];
for (const size of sizes) results.push(benchSize(size));
printTable(results);

async function bundleGenerator() {
  // Inside the repo, so the bundle finds the built-in templates beside package.json.
  const out = join(ROOT, "node_modules", ".cache", "coach-bench", "generate.mjs");
  await build({
    entryPoints: [join(ROOT, "scripts", "bench-records-generate.ts")],
    outfile: out,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    banner: {
      js: 'import { createRequire as __cr } from "node:module"; import { fileURLToPath as __fu } from "node:url"; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url);',
    },
    logLevel: "warning",
  });
  return out;
}

function workspaceFor(size) {
  const root = join(CACHE, `ws-${size}-v${GENERATOR_VERSION}`);
  if (existsSync(join(root, ".bench-complete"))) return root;
  rmSync(root, { recursive: true, force: true });
  process.stderr.write(`generating ${size} records in ${root} ...\n`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [generator, root, String(size), TODAY], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`generating ${size} records failed`);
  process.stderr.write(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  // The index does not trust a file changed in the last 3 s (see index-cache.ts): measured
  // sooner, warm runs would parse the newest files again.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3500);
  return root;
}

/** Wall time and peak memory of one run; stdout is checked so a failing run never counts. */
function timed(args, env) {
  const rssFile = join(CACHE, `rss-${process.pid}.txt`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", rssScript, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      COACH_TODAY: TODAY,
      NO_COLOR: "1",
      BENCH_RSS_FILE: rssFile,
      ...env,
    },
    maxBuffer: 256 * 1024 * 1024,
    encoding: "utf8",
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const usage = JSON.parse(readFileSync(rssFile, "utf8"));
  return { ms, cpuMs: usage.cpuUs / 1000, rssMb: usage.rssKb / 1024, stdout: result.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function benchSize(size) {
  const root = workspaceFor(size);
  const env = { COACH_WORKSPACE: root };
  const review = [BIN, "review", "--team", "--json"];
  const index = join(root, ".coach");
  // An untimed pass of each first, so every figure is read from the page cache, not disk.
  timed([floorScript, root], {});
  const cold = [];
  for (let i = 0; i < RUNS.cold; i++) {
    rmSync(index, { recursive: true, force: true });
    cold.push(timed(review, env));
  }
  // Floor and warm runs alternate, with the two start-up costs: bare node, and coach on an empty workspace.
  const floor = [];
  const warm = [];
  const bare = [];
  const empty = [];
  for (let i = 0; i < RUNS.warm; i++) {
    floor.push(timed([floorScript, root], {}));
    warm.push(timed(review, env));
    bare.push(timed(["-e", "0"], {}));
    empty.push(timed(review, { COACH_WORKSPACE: emptyWorkspace }));
  }
  const team = JSON.parse(warm.at(-1).stdout);
  if (team.reps.length !== 100) throw new Error(`expected 100 reps in the review, got ${team.reps.length}`);
  const pick = (runs, key) => median(runs.map((r) => r[key]));
  const figures = {
    size,
    records: JSON.parse(floor[0].stdout).records,
    floor: pick(floor, "ms"),
    cold: pick(cold, "ms"),
    warm: pick(warm, "ms"),
    floorCpu: pick(floor, "cpuMs"),
    coldCpu: pick(cold, "cpuMs"),
    warmCpu: pick(warm, "cpuMs"),
    bare: pick(bare, "ms"),
    empty: pick(empty, "ms"),
    floorRss: Math.max(...floor.map((r) => r.rssMb)),
    coldRss: Math.max(...cold.map((r) => r.rssMb)),
    warmRss: Math.max(...warm.map((r) => r.rssMb)),
  };
  process.stderr.write(`${size}: ${JSON.stringify(figures, (_, v) => (typeof v === "number" ? Math.round(v) : v))}\n`);
  return figures;
}

function printTable(rows) {
  const ms = (v) => `${Math.round(v).toLocaleString("en")} ms`;
  const x = (v, floor) => `${(v / floor).toFixed(2)}x`;
  const mb = (v) => `${Math.round(v)} MB`;
  const lines = [
    `coach review --team --json; medians of ${RUNS.warm} floor / ${RUNS.cold} cold / ${RUNS.warm} warm runs; wall time (CPU time); Node ${process.versions.node}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}`,
    "",
    "| records | floor | cold (no index) | warm (index) | warm / floor | peak memory: floor, cold, warm |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.records.toLocaleString("en")} | ${ms(r.floor)} (${ms(r.floorCpu)}) | ${ms(r.cold)} (${ms(r.coldCpu)}) | ${ms(r.warm)} (${ms(r.warmCpu)}) | ${x(r.warm, r.floor)} (${x(r.warmCpu, r.floorCpu)}) | ${mb(r.floorRss)}, ${mb(r.coldRss)}, ${mb(r.warmRss)} |`,
    ),
  ];
  lines.push(
    "",
    "Start-up and per-record work (medians, wall time): bare `node -e 0`, `coach review --team --json` on an empty workspace, and each size's records alone (run minus its start-up):",
    "",
    "| records | node -e 0 | coach, empty workspace | floor minus node | warm minus empty coach | ratio of the work |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.records.toLocaleString("en")} | ${ms(r.bare)} | ${ms(r.empty)} | ${ms(r.floor - r.bare)} | ${ms(r.warm - r.empty)} | ${x(r.warm - r.empty, r.floor - r.bare)} |`,
    ),
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  const fail = [];
  for (const r of rows) {
    if (r.size === 10000 && r.warm > 1.3 * r.floor)
      fail.push(`warm at ${r.size} is ${x(r.warm, r.floor)} the floor (target 1.3x)`);
    if (r.size === 10000 && r.cold > 1500) fail.push(`cold at 10,000 took ${ms(r.cold)} (target at most 1.5 s)`);
    if (r.size === 100000 && Math.max(r.coldRss, r.warmRss) >= 200)
      fail.push(`peak memory at 100,000 is ${mb(Math.max(r.coldRss, r.warmRss))} (target under 200 MB)`);
  }
  process.stdout.write(
    fail.length ? `\nMissed targets:\n${fail.map((f) => `- ${f}`).join("\n")}\n` : "\nAll targets met.\n",
  );
}
