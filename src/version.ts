// The release, set by scripts/build.js; "0.0.0-dev" when run from the sources (the tests).
declare const __COACH_VERSION__: string | undefined;
export const VERSION = typeof __COACH_VERSION__ === "string" ? __COACH_VERSION__ : "0.0.0-dev";
