// The bundle's entry (dist/coach.js): bin/coach.js imports it and calls main.
export { main, run } from "./main.js";
