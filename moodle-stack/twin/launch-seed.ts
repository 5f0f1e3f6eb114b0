// What the runtime starts with, as mod_scorm's get_scorm_default() computes it: learner identity, entry,
// credit and mode, manifest data, and the stored values of the attempt (1.2 always; 2004 only after a suspend).
import type { ScormVersion } from "../../bridge/protocol/messages.ts";
import { fromStoredElement } from "./element-names.ts";

export interface SeedInput {
  version: ScormVersion;
  username: string;
  fullname: string;
  stored: Array<{ element: string; value: string }>;
  scoData: Record<string, string>;
  /** The SCO's scorm_seq_objective rows (2004): objective ids and minnormalizedmeasure. */
  objectives?: Array<{ objectiveid: string; minnormalizedmeasure: string }>;
}

/** Elements never handed back to the runtime: mod_scorm's own bookkeeping and write-only session values. */
const NOT_RELOADED = /^(x\.|adl\.nav\.)|^cmi\.(core\.)?(session_time|exit)$/;

export function buildLaunchSeed(input: SeedInput): Array<{ element: string; value: string }> {
  const stored = new Map(input.stored.map((r) => [fromStoredElement(r.element, input.version), r.value]));
  const seed = new Map<string, string>();
  if (input.version === "1.2") {
    const exit = stored.get("cmi.core.exit");
    const entry = !stored.has("cmi.core.lesson_status") ? "ab-initio" : exit === "suspend" ? "resume" : "";
    seed.set("cmi.core.student_id", input.username);
    seed.set("cmi.core.student_name", input.fullname);
    seed.set("cmi.core.entry", entry);
    seed.set("cmi.core.credit", "credit");
    seed.set("cmi.core.lesson_mode", "normal");
    if (input.scoData.datafromlms) seed.set("cmi.launch_data", input.scoData.datafromlms);
    if (input.scoData.masteryscore) seed.set("cmi.student_data.mastery_score", input.scoData.masteryscore);
    for (const [element, value] of stored) if (!NOT_RELOADED.test(element)) seed.set(element, value);
  } else {
    const resume = stored.get("cmi.exit") === "suspend";
    seed.set("cmi.learner_id", input.username);
    seed.set("cmi.learner_name", input.fullname);
    seed.set("cmi.entry", resume ? "resume" : "ab-initio");
    seed.set("cmi.credit", "credit");
    seed.set("cmi.mode", "normal");
    if (input.scoData.datafromlms) seed.set("cmi.launch_data", input.scoData.datafromlms);
    if (input.scoData.timelimitaction) seed.set("cmi.time_limit_action", input.scoData.timelimitaction);
    // get_scorm_default reads scorm_scoes_data "threshold" (adlcp:completionThreshold@minProgressMeasure).
    const threshold = input.scoData.threshold || input.scoData.completionthreshold;
    if (threshold) seed.set("cmi.completion_threshold", threshold);
    // Every objective with a minnormalizedmeasure sets scaled_passing_score (the last one wins, whatever its
    // satisfiedByMeasure); every objective id becomes cmi.objectives.N.id in order.
    let index = 0;
    for (const objective of input.objectives ?? []) {
      if (objective.minnormalizedmeasure)
        seed.set("cmi.scaled_passing_score", objective.minnormalizedmeasure);
      if (objective.objectiveid) seed.set(`cmi.objectives.${index++}.id`, objective.objectiveid);
    }
    if (resume)
      for (const [element, value] of stored) if (!NOT_RELOADED.test(element)) seed.set(element, value);
  }
  return [...seed].map(([element, value]) => ({ element, value }));
}
