// Mutant (server side): refused calls are answered with an error but leave no trace in the log store (breaks P24).
export { REFUSAL_EVENT, type Refusal } from "../../../moodle-stack/twin/refusal-log.ts";

export function logRefusal(): number {
  return 0;
}
