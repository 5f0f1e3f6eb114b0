// Reads a CDN profile from untrusted JSON (the mock CDN's control API): a known name with exactly the fields that
// profile takes, each of the right type and range; anything else is refused with the reason.
import { CDN_PROFILE_EXAMPLES, type CdnProfile } from "./cdn-profiles.ts";

const NAMES = new Set<string>(CDN_PROFILE_EXAMPLES.map((p) => p.name));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function integerIn(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw new Error(`${field} must be an integer from ${min} to ${max}`);
  return value;
}

function onlyFields(input: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(input).filter((k) => k !== "name" && !allowed.includes(k));
  if (extra.length > 0) throw new Error(`profile "${String(input.name)}" takes no field ${extra.join(", ")}`);
}

export function parseCdnProfile(input: unknown): CdnProfile {
  if (!isRecord(input) || typeof input.name !== "string")
    throw new Error("a profile is an object with a name");
  const name = input.name;
  if (!NAMES.has(name))
    throw new Error(`unknown profile "${name.slice(0, 40)}"; known: ${[...NAMES].join(", ")}`);
  switch (name) {
    case "frame-denied": {
      onlyFields(input, ["via"]);
      if (input.via !== "x-frame-options" && input.via !== "csp")
        throw new Error('frame-denied\'s via must be "x-frame-options" or "csp"');
      return { name, via: input.via };
    }
    case "slow": {
      onlyFields(input, ["latencyMs", "bytesPerSecond"]);
      const latencyMs = integerIn(input.latencyMs, 0, 600_000, "slow's latencyMs");
      if (input.bytesPerSecond === undefined) return { name, latencyMs };
      return {
        name,
        latencyMs,
        bytesPerSecond: integerIn(input.bytesPerSecond, 1, 2 ** 31, "slow's bytesPerSecond"),
      };
    }
    case "flaky": {
      onlyFields(input, ["errorRatio"]);
      const r = input.errorRatio;
      if (typeof r !== "number" || !(r >= 0 && r <= 1))
        throw new Error("flaky's errorRatio must be from 0 to 1");
      return { name, errorRatio: r };
    }
    case "status": {
      onlyFields(input, ["status"]);
      return { name, status: integerIn(input.status, 100, 599, "status's status") };
    }
    default:
      onlyFields(input, []);
      return { name } as CdnProfile;
  }
}
