import type { Config } from "../domain/config.js";
import { describeDue, drillableSkills, drillForSkill, skillOrder } from "../domain/drill.js";
import type { StoredRecord } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import { drillSchedule, dueBy, newSkillAllowance } from "../domain/schedule.js";
import type { LoadedTemplate } from "../domain/template.js";

/**
 * Drills due for a rep by `today`, for the plan's agenda, one line each:
 * "objection-handling: last scored 2 on 2026-11-18, was due 2026-11-21 (`coach drill alex-kim --template drill-objection-handling`)".
 * Without templates every skill of the process counts; with them, only skills a drill trains.
 */
export function drillsDueFor(
  config: Config,
  rep: Rep,
  records: StoredRecord[],
  today: string,
  templates?: LoadedTemplate[],
): string[] {
  const skills = templates ? drillableSkills(config, templates, {}, rep) : skillOrder(config, rep);
  return dueBy(drillSchedule(records, skills, today, config.core_skills), today, newSkillAllowance(records, today)).map(
    (entry) => {
      const drill = templates && drillForSkill(templates, entry.skill);
      const how = drill
        ? `\`coach drill ${rep.id} --template ${drill.template.id}\``
        : `\`coach drill ${rep.id} --skill ${entry.skill}\``;
      return `${entry.skill}: ${describeDue(entry, today)} (${how})`;
    },
  );
}
