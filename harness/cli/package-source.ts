// Resolves `--packages`: a SCORM zip, a folder of packages, or an http(s) URL (a zip or an imsmanifest.xml).
import { statSync } from "node:fs";
import path from "node:path";
import type { PackageSource } from "../packages/user-packages.ts";

export type { PackageSource };

/** Throws an Error naming what is wrong; `cwd` resolves relative paths. */
export function resolvePackageSource(raw: string, cwd = process.cwd()): PackageSource {
  const value = raw.trim();
  if (value === "") throw new Error("--packages is empty");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`--packages "${value}" is not a valid URL`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      throw new Error(`--packages URL must be http(s), got ${url.protocol}`);
    if (url.username || url.password) throw new Error("--packages URL must not carry user info");
    return { kind: "url", location: url.href };
  }
  const location = path.resolve(cwd, value);
  let stat;
  try {
    stat = statSync(location);
  } catch {
    throw new Error(`--packages "${value}" does not exist (expected a .zip, a folder or an http(s) URL)`);
  }
  if (stat.isDirectory()) return { kind: "folder", location };
  if (stat.isFile() && location.toLowerCase().endsWith(".zip")) return { kind: "zip", location };
  throw new Error(`--packages "${value}" is neither a .zip file nor a folder`);
}

/** The value of ESB_PACKAGES passed to the run: `<kind>:<location>`. */
export function packagesEnv(source: PackageSource): string {
  return `${source.kind}:${source.location}`;
}
