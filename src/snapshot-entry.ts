import { writeBuiltInSnapshot } from "./store/builtin-templates.js";

writeBuiltInSnapshot();
