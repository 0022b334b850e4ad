import { describe, expect, it } from "vitest";
import { configSchema, DEFAULT_CONFIG } from "../../src/domain/config.js";

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
});
