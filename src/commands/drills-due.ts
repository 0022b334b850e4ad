import type { Config } from "../domain/config.js";
import type { StoredRecord } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";

/** Drills due for a rep, for the plan's agenda. Drills are not scheduled yet: none are due. */
export function drillsDueFor(_config: Config, _rep: Rep, _records: StoredRecord[], _today: string): string[] {
  return [];
}
