// The public API of the SCORM 1.2 <-> 2004 data model mapping (property P12), re-exported from its modules.
export { MappingError } from "./errors.ts";
export type { Converted, Loss, Version } from "./types.ts";
export { LOSS, type LossKey } from "./losses.ts";
export { canonicalDecimal, formatDecimal, isDecimal, parseDecimal, shiftDecimal } from "./decimals.ts";
export {
  formatTimeinterval,
  formatTimespan,
  MAX_TIMESPAN_CS,
  parseTimeinterval,
  parseTimespan,
  secondsToCentiseconds,
  timeinterval2004To12,
  timespan12To2004,
} from "./durations.ts";
export {
  formatTime12,
  parseTime12,
  parseTimestamp2004,
  time12ToTimestamp2004,
  timestamp2004ToTime12,
  type Timestamp2004,
} from "./timestamps.ts";
export {
  COMPLETION_STATUS_2004,
  LESSON_STATUS_12,
  status12To2004,
  status2004To12,
  SUCCESS_STATUS_2004,
  type CompletionStatus2004,
  type LessonStatus12,
  type Status2004,
  type SuccessStatus2004,
} from "./status.ts";
export {
  masteryScore12To2004,
  rawToScaled,
  rawToScaledClamped,
  scaledPassingScore2004To12,
  scaledToRaw,
  score12To2004,
  score2004To12,
} from "./scores.ts";
export {
  CREDIT,
  ENTRY,
  EXIT_12,
  EXIT_2004,
  exit12To2004,
  exit2004To12,
  INTERACTION_TYPE_12,
  INTERACTION_TYPE_2004,
  interactionType12To2004,
  interactionType2004To12,
  mapCredit,
  mapEntry,
  mapMode,
  mapTimeLimitAction,
  MODE,
  RESULT_12,
  RESULT_2004,
  result12To2004,
  result2004To12,
  TIME_LIMIT_ACTION,
} from "./vocabulary.ts";
export {
  audio12To2004,
  audioLevel2004To12,
  deliverySpeed2004To12,
  language12To2004,
  language2004To12,
  mapCaptioning,
  speed12To2004,
} from "./preferences.ts";
export { response12To2004, response2004To12, type ResponseKind } from "./responses.ts";
export {
  identifier12To2004,
  identifier2004To12,
  localizedText12To2004,
  localizedText2004To12,
  text12To2004,
  text2004To12,
} from "./text.ts";
export {
  counterpart12To2004,
  counterpart2004To12,
  type Counterpart,
  type ValueKind,
} from "./element-names.ts";
export { mapRecord, type MappedRecord, type MapRecordOptions } from "./map-record.ts";
