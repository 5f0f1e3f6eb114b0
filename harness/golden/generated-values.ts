// The golden probe's generated values ({gen, len}) and its FNV-1a 32 summaries of long strings, reproduced exactly.
import type { GenSpec, ScriptArg, ValueSummary } from "./scenario-types.ts";

/**
 * The repeating text of each generator (BMP only, so length = UTF-16 code units). Read off the recorded
 * `head`/`tail` of generated values and checked against their recorded `fnv`.
 */
export const GEN_CYCLES: Record<GenSpec["gen"], string> = {
  unicode: "aé€中Ωß\"&%+= <>ü日本語ñ\\'/?#",
  ascii: "abcdefghijklmnopqrstuvwxyz0123456789",
};

const HEAD = 40;
const TAIL = 20;

export function isGenSpec(x: unknown): x is GenSpec {
  if (typeof x !== "object" || x === null) return false;
  const g = x as Record<string, unknown>;
  return (g.gen === "unicode" || g.gen === "ascii") && Number.isSafeInteger(g.len) && (g.len as number) >= 0;
}

export function isValueSummary(x: unknown): x is ValueSummary {
  if (typeof x !== "object" || x === null) return false;
  const s = x as Record<string, unknown>;
  return Number.isSafeInteger(s.len) && typeof s.fnv === "string" && /^[0-9a-f]{8}$/.test(s.fnv);
}

export function generateValue(spec: GenSpec): string {
  const cycle = GEN_CYCLES[spec.gen];
  if (!cycle) throw new Error(`Unknown generator ${JSON.stringify(spec)}`);
  return cycle.repeat(Math.ceil(spec.len / cycle.length)).slice(0, spec.len);
}

/** A script argument as the SCO passes it to the API. */
export function resolveArg(arg: ScriptArg): string {
  if (typeof arg === "string") return arg;
  if (isGenSpec(arg)) return generateValue(arg);
  throw new Error(`Unsupported script argument ${JSON.stringify(arg)}`);
}

/** FNV-1a 32 over the UTF-16 code units of `text`, as 8 lowercase hex digits. */
export function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export function summarise(text: string): Required<ValueSummary> {
  return { len: text.length, fnv: fnv1a32(text), head: text.slice(0, HEAD), tail: text.slice(-TAIL) };
}
