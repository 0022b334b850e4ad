import { afterEach } from "vitest";
import { removeTempDirs } from "./helpers.js";

// Test files share one module cache (isolate: false), so helpers.ts is evaluated once; this
// file runs before each test file, so every file gets the clean-up hook.
afterEach(removeTempDirs);
