// Maps the vocabulary elements 1.2 <-> 2004: exit, entry, credit, lesson_mode/mode, time_limit_action,
// interaction types and interaction results.
//
// Identical in both versions (lossless both ways): entry (ab-initio, resume, ""), credit (credit, no-credit),
// mode (browse, normal, review), time_limit_action (exit,message | exit,no message | continue,message |
// continue,no message). exit: 1.2 time-out/suspend/logout/"" map to themselves; 2004 normal -> 1.2 ""
// (LOSS.exitNormal). Interaction types: the eight 1.2 types map to themselves; 2004 long-fill-in -> fill-in
// (LOSS.typeLongFillIn) and other -> none (LOSS.typeOther). Results: correct, unanticipated, neutral map to
// themselves, 1.2 wrong <-> 2004 incorrect, a 1.2 CMIDecimal <-> a 2004 real (same number): all lossless.
import { canonicalDecimal, isDecimal } from "./decimals.ts";
import { MappingError, quote } from "./errors.ts";
import { LOSS } from "./losses.ts";
import { lossless, lossy, type Converted } from "./types.ts";

export const EXIT_12 = ["time-out", "suspend", "logout", ""] as const;
export const EXIT_2004 = ["time-out", "suspend", "logout", "normal", ""] as const;
export const ENTRY = ["ab-initio", "resume", ""] as const;
export const CREDIT = ["credit", "no-credit"] as const;
export const MODE = ["browse", "normal", "review"] as const;
export const TIME_LIMIT_ACTION = [
  "exit,message",
  "exit,no message",
  "continue,message",
  "continue,no message",
] as const;
export const INTERACTION_TYPE_12 = [
  "true-false",
  "choice",
  "fill-in",
  "matching",
  "performance",
  "sequencing",
  "likert",
  "numeric",
] as const;
export const INTERACTION_TYPE_2004 = [...INTERACTION_TYPE_12, "long-fill-in", "other"] as const;
export const RESULT_12 = ["correct", "wrong", "unanticipated", "neutral"] as const;
export const RESULT_2004 = ["correct", "incorrect", "unanticipated", "neutral"] as const;

export type Exit12 = (typeof EXIT_12)[number];
export type Exit2004 = (typeof EXIT_2004)[number];
export type InteractionType12 = (typeof INTERACTION_TYPE_12)[number];
export type InteractionType2004 = (typeof INTERACTION_TYPE_2004)[number];

function member<T extends string>(list: readonly T[], value: string, what: string): T {
  const found = list.find((v) => v === value);
  if (found === undefined)
    throw new MappingError(
      `${quote(value)} is not a ${what} (${list.map((v) => JSON.stringify(v)).join(", ")})`,
    );
  return found;
}

export const parseExit12 = (v: string): Exit12 => member(EXIT_12, v, "SCORM 1.2 cmi.core.exit");
export const parseExit2004 = (v: string): Exit2004 => member(EXIT_2004, v, "SCORM 2004 cmi.exit");
export const parseInteractionType12 = (v: string): InteractionType12 =>
  member(INTERACTION_TYPE_12, v, "SCORM 1.2 interaction type");
export const parseInteractionType2004 = (v: string): InteractionType2004 =>
  member(INTERACTION_TYPE_2004, v, "SCORM 2004 interaction type");

/** 1.2 cmi.core.exit -> 2004 cmi.exit (lossless). */
export function exit12To2004(value: string): string {
  return parseExit12(value);
}

/** 2004 cmi.exit -> 1.2 cmi.core.exit; normal -> "" (LOSS.exitNormal). */
export function exit2004To12(value: string): Converted<Exit12> {
  const v = parseExit2004(value);
  return v === "normal" ? lossy("", LOSS.exitNormal) : lossless(v);
}

/** cmi.core.entry <-> cmi.entry: the same vocabulary; validates and returns the value. */
export function mapEntry(value: string): string {
  return member(ENTRY, value, "SCORM entry value");
}

/** cmi.core.credit <-> cmi.credit: the same vocabulary; validates and returns the value. */
export function mapCredit(value: string): string {
  return member(CREDIT, value, "SCORM credit value");
}

/** cmi.core.lesson_mode <-> cmi.mode: the same vocabulary; validates and returns the value. */
export function mapMode(value: string): string {
  return member(MODE, value, "SCORM lesson_mode/mode value");
}

/** cmi.student_data.time_limit_action <-> cmi.time_limit_action: the same vocabulary. */
export function mapTimeLimitAction(value: string): string {
  return member(TIME_LIMIT_ACTION, value, "SCORM time_limit_action value");
}

/** 1.2 interaction type -> 2004 (lossless). */
export function interactionType12To2004(value: string): InteractionType2004 {
  return parseInteractionType12(value);
}

/** 2004 interaction type -> 1.2; long-fill-in -> fill-in, other -> null (both documented losses). */
export function interactionType2004To12(value: string): Converted<InteractionType12 | null> {
  const v = parseInteractionType2004(value);
  if (v === "long-fill-in") return lossy("fill-in", LOSS.typeLongFillIn);
  if (v === "other") return lossy(null, LOSS.typeOther);
  return lossless(v);
}

/** 1.2 interaction result -> 2004: wrong -> incorrect, a CMIDecimal -> the same number as a real. */
export function result12To2004(value: string): string {
  if (value === "wrong") return "incorrect";
  if (isDecimal(value)) return canonicalDecimal(value);
  return member(RESULT_12, value, "SCORM 1.2 interaction result (or a decimal)");
}

/** 2004 interaction result -> 1.2: incorrect -> wrong, a real -> the same number as a CMIDecimal. */
export function result2004To12(value: string): string {
  if (value === "incorrect") return "wrong";
  if (isDecimal(value)) return canonicalDecimal(value);
  return member(RESULT_2004, value, "SCORM 2004 interaction result (or a real)");
}
