import * as yaml from "yaml";

// Plain imports: the bundle's code splitting keeps these packages in the chunks of the
// commands whose modules import them. Kept as functions while callers move to direct imports.

export const yamlLib = (): typeof yaml => yaml;
