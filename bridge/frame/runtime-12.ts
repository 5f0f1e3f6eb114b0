// Bundle entry: scorm-again's SCORM 1.2 runtime, registered for the frame.
import * as scorm12 from "scorm-again/scorm12";
import { registerRuntime, type RuntimeConstructor } from "./runtime-loader.ts";

// scorm-again's ESM build exports the class by name while its typings declare a default export.
registerRuntime("1.2", (scorm12 as unknown as { Scorm12API: RuntimeConstructor }).Scorm12API);
