// The catalogue of documented losses: every piece of information the 1.2 <-> 2004 mapping cannot carry over.
//
// Not losses (same value, another spelling; round trips are identities on the canonical spellings):
// - 1.2 CMITimespan is canonical as HH[HH]:MM:SS[.SS] (no superfluous hour digits, two fraction digits when the
//   fraction is not zero); 2004 timeinterval is canonical as PT[nH][nM][n[.n]S] (PT0S for zero).
// - decimals are canonical without superfluous zeros ("85.5", "0.855");
// - 1.2 true-false responses are canonical as t/f, 1.2 choice responses without surrounding braces.
export const LOSS = {
  // status.ts
  statusBrowsed:
    "1.2 lesson_status 'browsed' has no 2004 counterpart: it maps to completion 'incomplete' (2004 records browsing in cmi.mode) and comes back as 'incomplete'",
  statusCompletionDropped:
    "1.2 lesson_status holds one value: a 2004 success_status of passed/failed wins and the completion_status beside it is dropped (it comes back as 'completed')",
  statusUnknown:
    "2004 completion_status 'unknown' with success_status 'unknown' has no 1.2 counterpart: it maps to 'not attempted', the 1.2 initial value",
  // vocabulary.ts
  exitNormal:
    "2004 exit 'normal' has no 1.2 counterpart: it maps to '' (the 1.2 normal exit) and comes back as ''",
  typeLongFillIn: "2004 interaction type 'long-fill-in' has no 1.2 counterpart: it maps to 'fill-in'",
  typeOther: "2004 interaction type 'other' has no 1.2 counterpart: the element is left out",
  // durations.ts and timestamps.ts
  durationCapped:
    "duration above the 1.2 CMITimespan maximum 9999:59:59.99: clamped to 9999:59:59.99 (the excess is lost)",
  timeNoDate:
    "1.2 CMITime is a time of day without a date and no date was given (options.date): cmi.interactions.n.timestamp is left out",
  timeDateDropped:
    "1.2 CMITime holds only a time of day: the date and time zone of the 2004 timestamp are dropped",
  timeNoTimeOfDay: "2004 timestamp without a time of day has no 1.2 CMITime: the element is left out",
  // scores.ts
  scoreBlank: "1.2 blank score (CMIBlank) means 'no score', 2004 has no blank real: the element is left out",
  scoreOutOfRange12: "2004 score outside the SCORM 1.2 range 0..100: the element is left out",
  scaledClamped:
    "raw outside [min, max] gives a scaled score outside [-1, 1]: the derived score.scaled is clamped to [-1, 1]",
  scaledDropped:
    "2004 score.scaled has no 1.2 element: it is left out (not a loss when it equals the scaled score of the 1.2 raw/min/max, or when raw is derived from it)",
  masteryNegative:
    "negative 2004 scaled_passing_score has no 1.2 mastery_score (0..100): the element is left out",
  // preferences.ts
  audioLevel:
    "only 1.2 audio -1 (off) and 0 (no change) correspond to 2004 audio_level 0 and 1, other levels have no counterpart and are left out",
  deliverySpeed:
    "only 1.2 speed 0 (no change) corresponds to 2004 delivery_speed 1, other speeds have no counterpart and are left out",
  language: "1.2 language is not a valid 2004 language code: the element is left out",
  // responses.ts
  responsePerformance:
    "performance responses and patterns have no defined 1.2 <-> 2004 format correspondence: the element is left out",
  responseNoType:
    "the response/pattern format depends on the interaction type, which is not in the record: the element is left out",
  responseUnrepresentable:
    "the response/pattern uses characters reserved by the target format (or is too long for it): the element is left out",
  fillInJoined:
    "several 2004 fill-in strings are joined with ',' into one 1.2 string (their boundaries are lost)",
  patternDelimiters:
    "2004 pattern delimiters {case_matters=...}/{order_matters=...} have no 1.2 counterpart: they are dropped",
  numericRange:
    "2004 numeric pattern min[:]max with min != max (or an open bound) has no 1.2 counterpart: the element is left out",
  // text.ts
  langDropped: "{lang=...} language delimiter dropped: 1.2 strings carry no language",
  tooLong12: "longer than the SCORM 1.2 maximum for the element: the element is left out",
  identifier12:
    "not a SCORM 1.2 CMIIdentifier (1-255 printable ASCII characters, no spaces): the element is left out",
  // map-record.ts
  commentsMerged:
    "2004 comments_from_learner/comments_from_lms entries merge, in index order and separated by ' | ', into the one 1.2 string, which comes back as entry 0",
  noCounterpart: "the element has no counterpart in the other version: it is left out",
  keyword:
    "keyword element (_version, _children, _count) describes the source LMS's data model: it is left out",
  orphan: "the id of its interaction/objective could not be mapped: the element is left out",
} as const;

// Reasons never contain "; ": a conversion with several losses joins their reasons with "; ".
export type LossKey = keyof typeof LOSS;
