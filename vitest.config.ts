import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup.ts"],
    // Measured on the 2-core machine: re-importing the sources for every test file took three
    // quarters of the suite's CPU time; no module here keeps state a test could leak.
    isolate: false,
    // Threads start faster than forks; two workers, as vitest's default of one on 2 cores
    // leaves a core idle while a test waits on the processes it spawned.
    pool: "threads",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
