// Bundle entry: scorm-again's SCORM 2004 runtime, registered for the frame.
import * as scorm2004 from "scorm-again/scorm2004";
import { registerRuntime, type RuntimeConstructor } from "./runtime-loader.ts";

// scorm-again's ESM build exports the class by name while its typings declare a default export.
registerRuntime("2004", (scorm2004 as unknown as { Scorm2004API: RuntimeConstructor }).Scorm2004API);
