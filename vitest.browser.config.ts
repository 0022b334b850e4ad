import { defineConfig } from "vitest/config";

/** `npm run test:browser`: the HTML reports in Debian's chromium; kept out of `npm test`, which needs Node alone. */
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.browser.ts"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
