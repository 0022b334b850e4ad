import { describe, expect, it } from "vitest";
import { configSchema, DEFAULT_CONFIG, stageById } from "../../src/domain/config.js";
import { parseYaml } from "../../src/store/yaml-source.js";

const parseConfig = (text: string) => parseYaml(configSchema(), text, "coach.yaml");

describe("coach.yaml defaults", () => {
  it("are exactly what an empty coach.yaml gives", () => {
    expect(configSchema().parse({})).toEqual(DEFAULT_CONFIG);
  });

  it("fill in whatever a partial coach.yaml leaves out", () => {
    const config = configSchema().parse({ cadence: { drill_days: 14 } });
    expect(config.cadence).toEqual({ one_on_one_days: 7, drill_days: 14 });
    expect(config.defaults.review_days).toBe(90);
    expect(config.stages.map((stage) => stage.id)).toEqual(DEFAULT_CONFIG.stages.map((stage) => stage.id));
  });

  it("gate qualification on the four agreements, and give every default gate an id", () => {
    expect(stageById(DEFAULT_CONFIG, "qualification")!.gates.map((gate) => gate.id)).toEqual([
      "need-admitted",
      "open-to-solutions",
      "agreed-to-discuss",
      "can-decide",
    ]);
    for (const stage of DEFAULT_CONFIG.stages) {
      expect(stage.gates.length, stage.id).toBeGreaterThan(0);
      for (const gate of stage.gates) expect(gate.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe("gates in coach.yaml", () => {
  it("take a plain string (its id is its slug) or an {id, text} pair", () => {
    const parsed = parseConfig(
      "stages:\n  - id: demo\n    name: Demo\n    gates:\n      - The buyer's team saw it working\n" +
        "      - { id: sponsor-yes, text: The sponsor said yes in writing }\n",
    );
    expect(parsed.ok && parsed.value.stages[0]!.gates).toEqual([
      { id: "the-buyer-s-team-saw-it-working", text: "The buyer's team saw it working" },
      { id: "sponsor-yes", text: "The sponsor said yes in writing" },
    ]);
  });

  it("refuse two gates with one id in a stage, and a gate whose text gives no id", () => {
    const twice = parseConfig(
      "stages:\n  - id: demo\n    name: Demo\n    gates: [Signed, { id: signed, text: Inked }]\n",
    );
    expect(twice).toMatchObject({
      ok: false,
      problem:
        "coach.yaml:4:21: stages.0.gates.1: gate id 'signed' is used twice in this stage; give one of them its own id",
    });
    const noId = parseConfig("stages:\n  - id: demo\n    name: Demo\n    gates: ['✅ ✅']\n");
    expect(noId.ok || noId.problem).toMatch(/gates\.0: give this gate an id/);
    const chinese = parseConfig("stages:\n  - id: demo\n    name: Demo\n    gates: ['合意']\n");
    expect(chinese.ok && chinese.value.stages[0]!.gates).toEqual([{ id: "合意", text: "合意" }]);
  });
});

describe("a strict coach.yaml", () => {
  it.each([
    ["stage:\n  - id: demo\n    name: Demo\n", "coach.yaml:1:1: stage: unknown key; did you mean 'stages'?"],
    ["# my team\nmanagr: Jordan\n", "coach.yaml:2:1: managr: unknown key; did you mean 'manager'?"],
    [
      "stages:\n  - id: demo\n    name: Demo\n    gatse: [Signed]\n",
      "coach.yaml:4:5: stages.0.gatse: unknown key; did you mean 'gates'?",
    ],
    [
      "cadence:\n  one_on_one: 14\n",
      "coach.yaml:2:3: cadence.one_on_one: unknown key; did you mean 'one_on_one_days'?",
    ],
  ])("refuses an unknown key at its line, with a did-you-mean: %j", (text, problem) => {
    expect(parseConfig(text)).toMatchObject({ ok: false, problem, problems: [problem] });
  });

  it("refuses a cadence or review period longer than ten years, at its value", () => {
    const parsed = parseConfig("cadence:\n  one_on_one_days: 99999999\ndefaults:\n  review_days: 3651\n");
    expect(parsed.ok || parsed.problems).toEqual([
      "coach.yaml:2:20: cadence.one_on_one_days: expected at most 3650 days (ten years)",
      "coach.yaml:4:16: defaults.review_days: expected at most 3650 days (ten years)",
    ]);
    expect(parseConfig("cadence:\n  drill_days: 3650\n").ok).toBe(true);
  });

  it("reports every problem of the file in one run, each at its line, keys at the key", () => {
    const parsed = parseConfig(
      "managr: Dana\nstage:\n  - id: demo\n    name: Demo\ncadence:\n  one_on_one_days: soon\n  drill_dayz: 5\n",
    );
    expect(parsed.ok || parsed.problems).toEqual([
      "coach.yaml:1:1: managr: unknown key; did you mean 'manager'?",
      "coach.yaml:2:1: stage: unknown key; did you mean 'stages'?",
      "coach.yaml:6:20: cadence.one_on_one_days: expected a number of days, such as 7",
      "coach.yaml:7:3: cadence.drill_dayz: unknown key; did you mean 'drill_days'?",
    ]);
  });
});
