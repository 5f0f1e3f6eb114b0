// Maps all element/value pairs of one SCO session from one SCORM version to the other, listing the losses met.
//
// The pairs are the session's final state: a later pair for an element replaces an earlier one. Every element
// name and value is validated (MappingError on the first invalid one). Each source element either reaches
// the result or appears in `losses` with one of the documented reasons (losses.ts); some do both (e.g. 2004
// exit normal -> ''). Beyond the per-element conversions of the other modules:
// - 1.2 -> 2004 derives score.scaled = (raw - min) / (max - min) when raw, min and max are all set and min < max
//   (formatted with 7 fractional digits; clamped to [-1, 1], LOSS.scaledClamped).
// - 2004 -> 1.2 derives raw = min + scaled * (max - min) when raw is not set but min and max are; otherwise
//   score.scaled is dropped (LOSS.scaledDropped, unless it equals the scaled score of raw/min/max).
// - 2004 -> 1.2 status: an absent completion_status/success_status counts as "unknown" (the 2004 initial value).
// - 2004 -> 1.2 comments: all entries of a comment list merge, in index order, into the one 1.2 string.
// - 2004 -> 1.2: when an interaction's or objective's id cannot become a 1.2 identifier, its other elements are
//   left out too (LOSS.orphan). Indices are kept as they are, so a left-out entry leaves its index unused.
// - responses and patterns are converted by the interaction type found in the same record (LOSS.responseNoType
//   when it is not there).
import { canonicalDecimal, formatDecimal, parseDecimal, parseDecimalIn } from "./decimals.ts";
import { timeinterval2004To12, timespan12To2004 } from "./durations.ts";
import { counterpart12To2004, counterpart2004To12, isKeyword, type Counterpart } from "./element-names.ts";
import { MappingError, quote } from "./errors.ts";
import { LOSS } from "./losses.ts";
import {
  audio12To2004,
  audioLevel2004To12,
  deliverySpeed2004To12,
  language12To2004,
  language2004To12,
  mapCaptioning,
  speed12To2004,
} from "./preferences.ts";
import { response12To2004, response2004To12 } from "./responses.ts";
import {
  masteryScore12To2004,
  parseScaled2004,
  parseScore12,
  parseScore2004,
  rawToScaledClamped,
  scaledPassingScore2004To12,
  scaledToRaw,
  score12To2004,
  score2004To12,
  SCORE_MAX_12,
  SCORE_MIN_12,
} from "./scores.ts";
import { status12To2004, status2004To12 } from "./status.ts";
import {
  identifier12To2004,
  identifier2004To12,
  localizedText12To2004,
  localizedText2004To12,
  text12To2004,
  text2004To12,
} from "./text.ts";
import { checkSessionDate, parseTime12, time12ToTimestamp2004, timestamp2004ToTime12 } from "./timestamps.ts";
import { lossless, lossy, type Converted, type Loss, type Version } from "./types.ts";
import {
  exit12To2004,
  exit2004To12,
  interactionType12To2004,
  interactionType2004To12,
  mapCredit,
  mapEntry,
  mapMode,
  mapTimeLimitAction,
  result12To2004,
  result2004To12,
} from "./vocabulary.ts";

export interface MapRecordOptions {
  /** The session date, YYYY-MM-DD: needed to turn 1.2 interaction times into 2004 timestamps. */
  date?: string;
}

export interface MappedRecord {
  /** The target version. */
  version: Version;
  /** The mapped element/value pairs, each element once. */
  pairs: [element: string, value: string][];
  /** The documented losses, by source element. */
  losses: Loss[];
}

const SEPARATOR = " | ";
const TOLERANCE = 1e-7;

class Builder {
  readonly out = new Map<string, string>();
  readonly losses: Loss[] = [];

  put(element: string, source: string, converted: Converted<string | null>): void {
    if (converted.value !== null) this.out.set(element, converted.value);
    if (converted.loss !== null) this.lose(source, converted.loss);
  }

  lose(element: string, reason: string): void {
    this.losses.push({ element, reason });
  }
}

function collect(pairs: Iterable<readonly [string, string]>, from: Version): Map<string, string> {
  const record = new Map<string, string>();
  for (const pair of pairs) {
    const [element, value] = pair as readonly unknown[];
    if (typeof element !== "string" || typeof value !== "string")
      throw new MappingError(
        `every pair must be [element, value] with two strings, got ${JSON.stringify(pair)}`,
      );
    if (from === "1.2") counterpart12To2004(element);
    else counterpart2004To12(element);
    record.delete(element);
    record.set(element, value);
  }
  return record;
}

const parent = (element: string) => element.slice(0, element.lastIndexOf("."));
const leaf = (element: string) => element.slice(element.lastIndexOf(".") + 1);

function interactionType(record: Map<string, string>, element: string): string | undefined {
  const m = /^cmi\.interactions\.(\d+)\./.exec(element);
  return m ? record.get(`cmi.interactions.${m[1]}.type`) : undefined;
}

function map12To2004(record: Map<string, string>, options: MapRecordOptions): MappedRecord {
  const b = new Builder();
  const scoreGroups = new Set<string>();
  for (const [element, value] of record) {
    const c = counterpart12To2004(element);
    if (c === null) {
      b.lose(element, isKeyword(element) ? LOSS.keyword : LOSS.noCounterpart);
      continue;
    }
    const target = c.names[0] ?? "";
    const what = `SCORM 1.2 ${element}`;
    switch (c.kind) {
      case "status": {
        const { value: s, loss } = status12To2004(value);
        b.put(c.names[0] ?? "", element, lossless(s.completion));
        b.put(c.names[1] ?? "", element, lossless(s.success));
        if (loss !== null) b.lose(element, loss);
        break;
      }
      case "score":
        scoreGroups.add(parent(element));
        b.put(target, element, score12To2004(value));
        break;
      case "time":
        if (options.date === undefined) {
          parseTime12(value);
          b.lose(element, LOSS.timeNoDate);
        } else b.put(target, element, lossless(time12ToTimestamp2004(value, options.date)));
        break;
      case "response":
      case "pattern": {
        text12To2004(value, c.max12 ?? 255, what);
        const type = interactionType(record, element);
        if (type === undefined) b.lose(element, LOSS.responseNoType);
        else b.put(target, element, response12To2004(type, value, c.kind));
        break;
      }
      default:
        b.put(target, element, convert12To2004(c, value, what));
    }
  }
  for (const group of scoreGroups) {
    const [raw, min, max] = ["raw", "min", "max"].map((k) => {
      const v = record.get(`${group}.${k}`);
      return v === undefined ? null : parseScore12(v);
    });
    if (raw == null || min == null || max == null || min >= max) continue;
    const target = parent(counterpart12To2004(`${group}.raw`)?.names[0] ?? "");
    const scaled = rawToScaledClamped(raw, min, max);
    b.put(`${target}.scaled`, `${group}.raw`, { value: formatDecimal(scaled.value), loss: scaled.loss });
  }
  return { version: "2004", pairs: [...b.out], losses: b.losses };
}

/** The kinds whose vocabulary or form is the same in both versions: the same conversion either way. */
function convertEitherWay(c: Counterpart, value: string, what: string): Converted<string> | undefined {
  switch (c.kind) {
    case "credit":
      return lossless(mapCredit(value));
    case "entry":
      return lossless(mapEntry(value));
    case "mode":
      return lossless(mapMode(value));
    case "time-limit-action":
      return lossless(mapTimeLimitAction(value));
    case "decimal":
      parseDecimal(value, what);
      return lossless(canonicalDecimal(value));
    case "captioning":
      return lossless(mapCaptioning(value));
    default:
      return undefined;
  }
}

function convert12To2004(c: Counterpart, value: string, what: string): Converted<string | null> {
  const either = convertEitherWay(c, value, what);
  if (either) return either;
  switch (c.kind) {
    case "identifier":
      return lossless(identifier12To2004(value, what));
    case "text":
      return lossless(text12To2004(value, c.max12 ?? 0, what));
    case "localized-text":
    case "comment":
      return lossless(localizedText12To2004(value, c.max12 ?? 0, what));
    case "exit":
      return lossless(exit12To2004(value));
    case "duration":
      return lossless(timespan12To2004(value));
    case "mastery":
      return lossless(masteryScore12To2004(value));
    case "interaction-type":
      return lossless(interactionType12To2004(value));
    case "result":
      return lossless(result12To2004(value));
    case "audio":
      return audio12To2004(value);
    case "speed":
      return speed12To2004(value);
    case "language":
      return language12To2004(value);
    default:
      throw new MappingError(`${what}: no conversion for kind ${c.kind}`);
  }
}

/** 2004 interactions/objectives whose id is not a 1.2 identifier: their element prefixes. */
function orphanPrefixes(record: Map<string, string>): Set<string> {
  const prefixes = new Set<string>();
  for (const [element, value] of record)
    if (
      /^cmi\.(?:interactions|objectives)\.\d+\.id$/.test(element) &&
      identifier2004To12(value, `SCORM 2004 ${element}`).value === null
    )
      prefixes.add(`${parent(element)}.`);
  return prefixes;
}

function map2004To12(record: Map<string, string>): MappedRecord {
  const b = new Builder();
  const orphans = orphanPrefixes(record);
  const done = new Set<string>();
  const scoreGroups = new Set<string>();
  for (const [element, value] of record) {
    if (done.has(element)) continue;
    const c = counterpart2004To12(element);
    const what = `SCORM 2004 ${element}`;
    if (![...orphans].every((p) => !element.startsWith(p) || element === `${p}id`)) {
      b.lose(element, LOSS.orphan);
      continue;
    }
    if (c === null) {
      if (leaf(element) === "scaled") scoreGroups.add(parent(element));
      else b.lose(element, isKeyword(element) ? LOSS.keyword : LOSS.noCounterpart);
      if (["progress_measure", "completion_threshold"].includes(leaf(element)))
        parseDecimalIn(value, 0, 1, what);
      continue;
    }
    const target = c.names[0] ?? "";
    switch (c.kind) {
      case "status": {
        const base = parent(element);
        const completionName = `${base}.completion_status`;
        const successName = `${base}.success_status`;
        const completion = record.get(completionName);
        const success = record.get(successName);
        done.add(completionName).add(successName);
        const { value: s, loss } = status2004To12(completion ?? "unknown", success ?? "unknown");
        const dropped = loss === LOSS.statusCompletionDropped && completion === undefined;
        b.put(target, completion === undefined ? successName : completionName, {
          value: s,
          loss: dropped ? null : loss,
        });
        break;
      }
      case "score":
        scoreGroups.add(parent(element));
        b.put(target, element, score2004To12(value));
        break;
      case "comment":
        mergeComments(record, element, target, c.max12 ?? 0, b, done);
        break;
      case "response":
      case "pattern": {
        const type = interactionType(record, element);
        if (type === undefined) b.lose(element, LOSS.responseNoType);
        else b.put(target, element, response2004To12(type, value, c.kind));
        break;
      }
      default:
        b.put(target, element, convert2004To12(c, value, what));
    }
  }
  for (const group of scoreGroups) deriveRaw(record, group, b);
  return { version: "1.2", pairs: [...b.out], losses: b.losses };
}

function convert2004To12(c: Counterpart, value: string, what: string): Converted<string | null> {
  const either = convertEitherWay(c, value, what);
  if (either) return either;
  switch (c.kind) {
    case "identifier":
      return identifier2004To12(value, what);
    case "text":
      return text2004To12(value, c.max12 ?? 0);
    case "localized-text":
      return localizedText2004To12(value, c.max12 ?? 0);
    case "exit":
      return exit2004To12(value);
    case "duration":
      return timeinterval2004To12(value);
    case "time":
      return timestamp2004ToTime12(value);
    case "mastery":
      return scaledPassingScore2004To12(value);
    case "interaction-type":
      return interactionType2004To12(value);
    case "result":
      return lossless(result2004To12(value));
    case "audio":
      return audioLevel2004To12(value);
    case "speed":
      return deliverySpeed2004To12(value);
    case "language":
      return lossless(language2004To12(value));
    default:
      throw new MappingError(`${what}: no conversion for kind ${c.kind}`);
  }
}

/** Merges every entry of a 2004 comment list (…n.comment) into one 1.2 string, in index order. */
function mergeComments(
  record: Map<string, string>,
  element: string,
  target: string,
  max12: number,
  b: Builder,
  done: Set<string>,
): void {
  const list = element.replace(/\.\d+\.comment$/, "");
  const entries = [...record]
    .map(([name, value]) => ({ name, value, m: /^(.*)\.(\d+)\.comment$/.exec(name) }))
    .filter((e) => e.m?.[1] === list)
    .sort((x, y) => Number(x.m?.[2]) - Number(y.m?.[2]));
  const texts: string[] = [];
  for (const e of entries) {
    done.add(e.name);
    const { value, loss } = localizedText2004To12(e.value, Number.MAX_SAFE_INTEGER);
    if (loss !== null) b.lose(e.name, loss);
    texts.push(value ?? "");
  }
  if (entries.length > 1 || (entries[0] && entries[0].m?.[2] !== "0"))
    for (const e of entries) b.lose(e.name, LOSS.commentsMerged);
  const merged = texts.join(SEPARATOR);
  b.put(
    target,
    entries[0]?.name ?? element,
    merged.length > max12 ? lossy(null, LOSS.tooLong12) : lossless(merged),
  );
}

/**
 * 2004 -> 1.2 for a score group's scaled value. With raw not set, and min and max carried over (0..100, min < max),
 * raw is derived from it; with raw, min and max all carried over, it is redundant when it equals their scaled
 * score; otherwise it is lost (LOSS.scaledDropped).
 */
function deriveRaw(record: Map<string, string>, group: string, b: Builder): void {
  const scaledName = `${group}.scaled`;
  const scaledValue = record.get(scaledName);
  if (scaledValue === undefined) return;
  const scaled = parseScaled2004(scaledValue, `SCORM 2004 ${scaledName}`);
  const [raw, min, max] = ["raw", "min", "max"].map((k) => {
    const v = record.get(`${group}.${k}`);
    return v === undefined ? undefined : parseScore2004(v);
  });
  const carried = (n: number | undefined): n is number =>
    n !== undefined && n >= SCORE_MIN_12 && n <= SCORE_MAX_12;
  if (carried(min) && carried(max) && min < max) {
    if (raw === undefined) {
      const derived = scaledToRaw(scaled, min, max);
      if (carried(derived)) {
        const target = parent(counterpart2004To12(`${group}.raw`)?.names[0] ?? "");
        return b.put(`${target}.raw`, scaledName, lossless(formatDecimal(derived)));
      }
    } else if (carried(raw) && Math.abs(rawToScaledClamped(raw, min, max).value - scaled) <= TOLERANCE)
      return;
  }
  b.lose(scaledName, LOSS.scaledDropped);
}

/**
 * Maps one SCO session's element/value pairs from `from` to the other version. Throws MappingError on an
 * unknown element or an invalid value; otherwise total, with every loss listed.
 */
export function mapRecord(
  from: Version,
  pairs: Iterable<readonly [string, string]>,
  options: MapRecordOptions = {},
): MappedRecord {
  if (from !== "1.2" && from !== "2004")
    throw new MappingError(`${quote(String(from))} is not a SCORM version`);
  if (options.date !== undefined) checkSessionDate(options.date);
  const record = collect(pairs, from);
  return from === "1.2" ? map12To2004(record, options) : map2004To12(record);
}
