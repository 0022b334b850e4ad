// Start-up benchmark: coach's commands against bare `node -e 0`, measured in one run,
// interleaved so that machine noise hits every command alike. Reports medians and ratios.
//   npm run bench              (builds first, then this and bench-records.js)
//   BENCH_RUNS=50 node scripts/bench.js
//
// Measured twice when they differ: in a clean environment (PATH and HOME, as
// bench-records.js runs), and in this shell's. Variables such as NODE_EXTRA_CA_CERTS
// make every Node process start slower, bare node included, which flatters the ratios.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "coach.cjs");
const runs = Number(process.env.BENCH_RUNS ?? 30);
const workspace = mkdtempSync(join(tmpdir(), "coach-bench-"));
const coachEnv = { COACH_WORKSPACE: workspace, NO_COLOR: "1" };
const clean = { PATH: process.env.PATH, HOME: process.env.HOME };
const slowingNodeStart = ["NODE_EXTRA_CA_CERTS", "NODE_OPTIONS"].filter((name) => process.env[name]);

const cases = [
  { name: "node -e 0 (baseline)", args: ["-e", "0"] },
  { name: "coach --version", args: [bin, "--version"], target: 1.5 },
  { name: "coach --help", args: [bin, "--help"], target: 2 },
  { name: "coach templates list", args: [bin, "templates", "list"] },
];

function timeOnce(args, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

function measure(title, env) {
  const samples = cases.map(() => []);
  for (let i = 0; i < 3; i++) for (const c of cases) timeOnce(c.args, env); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [j, c] of cases.entries()) samples[j].push(timeOnce(c.args, env));
  const baseline = median(samples[0]);
  console.log(`Start-up, ${title}, median of ${runs} runs each (node ${process.version}):`);
  cases.forEach((c, j) => {
    const ms = median(samples[j]);
    const ratio = ms / baseline;
    const verdict = c.target ? `  target <= ${c.target}x: ${ratio <= c.target ? "ok" : "MISSED"}` : "";
    console.log(`  ${c.name.padEnd(24)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${verdict}`);
  });
}

try {
  measure("clean environment (PATH and HOME only)", { ...clean, ...coachEnv });
  if (slowingNodeStart.length) {
    console.log();
    measure(`this shell's environment (with ${slowingNodeStart.join(", ")})`, { ...process.env, ...coachEnv });
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
