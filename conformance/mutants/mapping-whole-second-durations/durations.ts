// Mutant: the 1.2 -> 2004 duration conversion drops the centiseconds (a whole-seconds formatter, as bridges that
// build ISO 8601 durations from integer seconds do).
import { formatTimeinterval, parseTimespan } from "../../../bridge/mapping/durations.ts";

export * from "../../../bridge/mapping/durations.ts";

export function timespan12To2004(value: string): string {
  const cs = parseTimespan(value);
  return formatTimeinterval(cs - (cs % 100));
}
