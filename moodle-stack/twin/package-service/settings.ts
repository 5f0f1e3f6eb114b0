// The package service's settings: read from ESB_PACKAGE_* environment variables, each with a documented default
// (README.md in this folder), validated as a whole; a bad value is refused with the variable it came from.
import os from "node:os";
import { DEFAULT_ZIP_LIMITS } from "../../../harness/packages/zip/zip-limits.ts";

export interface PackageServiceSettings {
  /** Largest upload accepted, bytes (refused with 413 while it streams in). */
  maxBytes: number;
  /** Uploads above this many bytes are processed as a background job (202); smaller ones at once (201). */
  asyncBytes: number;
  /** How long a finished job's status stays readable, ms. */
  jobRetentionMs: number;
  /** Jobs processed at the same time; later ones wait queued. */
  maxRunningJobs: number;
  /** Where uploads are received and unpacked before publishing. */
  workDir: string;
}

/** Each setting's environment variable, and how to read it. */
const VARIABLES: Record<
  keyof PackageServiceSettings,
  { env: string; kind: "bytes" | "count" | "ms" | "dir" }
> = {
  maxBytes: { env: "ESB_PACKAGE_MAX_BYTES", kind: "bytes" },
  asyncBytes: { env: "ESB_PACKAGE_ASYNC_BYTES", kind: "bytes" },
  jobRetentionMs: { env: "ESB_PACKAGE_JOB_RETENTION_MS", kind: "ms" },
  maxRunningJobs: { env: "ESB_PACKAGE_MAX_RUNNING_JOBS", kind: "count" },
  workDir: { env: "ESB_PACKAGE_WORK_DIR", kind: "dir" },
};

export function defaultPackageServiceSettings(): PackageServiceSettings {
  return {
    maxBytes: DEFAULT_ZIP_LIMITS.maxArchiveBytes,
    asyncBytes: 8 * 1024 * 1024,
    jobRetentionMs: 60 * 60 * 1000,
    maxRunningJobs: 2,
    workDir: os.tmpdir(),
  };
}

export class PackageSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageSettingsError";
  }
}

function parseValue(name: string, kind: "bytes" | "count" | "ms" | "dir", raw: unknown): number | string {
  if (kind === "dir") {
    if (typeof raw !== "string" || raw.trim() === "" || raw.includes("\0"))
      throw new PackageSettingsError(`${name} must be a folder path, got ${JSON.stringify(raw)}`);
    return raw;
  }
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new PackageSettingsError(
      `${name} must be a whole number of ${kind === "ms" ? "milliseconds" : kind}, got ${JSON.stringify(raw)}`,
    );
  const value = Number(text);
  if (kind !== "ms" && value < 1) throw new PackageSettingsError(`${name} must be at least 1, got ${value}`);
  return value;
}

/**
 * Settings from `values` (keyed by setting name) over `base`, validated: every value, then that the async
 * threshold does not exceed the upload limit.
 */
export function validatePackageServiceSettings(
  values: Partial<Record<keyof PackageServiceSettings, unknown>>,
  base: PackageServiceSettings = defaultPackageServiceSettings(),
  label: (key: keyof PackageServiceSettings) => string = (key) => key,
): PackageServiceSettings {
  const out: Record<string, number | string> = { ...base };
  for (const key of Object.keys(VARIABLES) as (keyof PackageServiceSettings)[]) {
    if (values[key] === undefined) continue;
    out[key] = parseValue(label(key), VARIABLES[key].kind, values[key]);
  }
  const settings = out as unknown as PackageServiceSettings;
  if (settings.asyncBytes > settings.maxBytes)
    throw new PackageSettingsError(
      `${label("asyncBytes")} (${settings.asyncBytes}) must not exceed ${label("maxBytes")} (${settings.maxBytes})`,
    );
  return settings;
}

/** The settings the environment gives (unset or empty variables keep their defaults). */
export function packageServiceSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PackageServiceSettings {
  const values: Partial<Record<keyof PackageServiceSettings, unknown>> = {};
  for (const [key, { env: name }] of Object.entries(VARIABLES))
    if (env[name] !== undefined && env[name] !== "") values[key as keyof PackageServiceSettings] = env[name];
  return validatePackageServiceSettings(values, defaultPackageServiceSettings(), (key) => VARIABLES[key].env);
}
