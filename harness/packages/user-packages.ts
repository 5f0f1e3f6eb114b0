// The user's own packages for a run (`pnpm conformance --packages`, passed as ESB_PACKAGES=<kind>:<location>):
// each becomes a folder ready to publish (a zip extracted and validated like any upload, a package folder used
// as it is) or, for an imsmanifest.xml URL, the manifest where it already is. A folder holds packages: its
// .zip files and its sub-folders with an imsmanifest.xml (or is one package itself, when it has a manifest).
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createHttpsGet, type HttpGet } from "../net/https-get.ts";
import { ingestPackageZip } from "./package-ingestion.ts";
import { DEFAULT_ZIP_LIMITS } from "./zip/zip-limits.ts";

/** Where the user's packages are: a folder of packages, one zip, or a URL (a zip or an imsmanifest.xml). */
export type PackageSource =
  | { kind: "folder"; location: string }
  | { kind: "zip"; location: string }
  | { kind: "url"; location: string };

export type UserPackage =
  { name: string; dir: string } | { name: string; manifestUrl: string } | { name: string; refusal: string };

const MANIFEST = "imsmanifest.xml";
const DOWNLOAD_TIMEOUT_MS = 120_000;

/** ESB_PACKAGES as the CLI writes it; undefined when the run uses only the suite's own packages. */
export function packagesSetting(value: string | undefined): PackageSource | undefined {
  if (value === undefined || value === "") return undefined;
  const match = /^(folder|zip|url):(.+)$/.exec(value);
  if (!match)
    throw new Error(`ESB_PACKAGES must be <folder|zip|url>:<location>, got ${JSON.stringify(value)}`);
  return { kind: match[1] as PackageSource["kind"], location: match[2]! };
}

/** A name the CDN can serve a package under: letters, digits, dot, dash and underscore. */
export function packageNameOf(location: string): string {
  const base = path.basename(decodeURIComponent(location.replace(/[?#].*$/, ""))).replace(/\.zip$/i, "");
  const name = base.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
  return name === "" ? "package" : name.slice(0, 80);
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** A zip extracted into `workDir`/<name> and validated; a refused or invalid zip is reported, not thrown. */
async function extracted(name: string, zip: string, workDir: string): Promise<UserPackage> {
  const ingested = await ingestPackageZip(zip, path.join(workDir, name));
  if (ingested.ok) return { name, dir: ingested.dir };
  const why = ingested.errors.map((e) => `${e.code}: ${e.message}`).join("; ");
  return { name, refusal: `${path.basename(zip)} is not a valid SCORM package (${why})` };
}

async function fromFolder(folder: string, workDir: string): Promise<UserPackage[]> {
  if (await isFile(path.join(folder, MANIFEST))) return [{ name: packageNameOf(folder), dir: folder }];
  const found: UserPackage[] = [];
  for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(folder, entry.name);
    if (entry.isFile() && /\.zip$/i.test(entry.name))
      found.push(await extracted(packageNameOf(entry.name), full, workDir));
    else if (entry.isDirectory() && (await isFile(path.join(full, MANIFEST))))
      found.push({ name: packageNameOf(entry.name), dir: full });
  }
  if (found.length === 0)
    throw new Error(
      `--packages folder ${folder} holds no .zip file and no package folder with an ${MANIFEST}`,
    );
  return found;
}

async function fromUrl(url: string, workDir: string, httpGet: HttpGet): Promise<UserPackage> {
  const name = packageNameOf(new URL(url).pathname.replace(/\/imsmanifest\.xml$/i, ""));
  if (!/\.zip$/i.test(new URL(url).pathname)) return { name, manifestUrl: url };
  let answer;
  try {
    answer = await httpGet(url, { timeoutMs: DOWNLOAD_TIMEOUT_MS });
  } catch (error) {
    return { name, refusal: `${url} could not be downloaded: ${(error as Error).message}` };
  }
  if (answer.status !== 200) return { name, refusal: `${url} answered HTTP ${answer.status}` };
  await mkdir(workDir, { recursive: true });
  const zip = path.join(workDir, `${name}.download.zip`);
  await writeFile(zip, answer.body);
  return extracted(name, zip, workDir);
}

/** The packages of the setting, extracted under `workDir` where needed; throws only for a setting that names nothing. */
export async function userPackages(
  setting: PackageSource,
  workDir: string,
  httpGet: HttpGet = createHttpsGet({ maxBodyBytes: DEFAULT_ZIP_LIMITS.maxArchiveBytes }),
): Promise<UserPackage[]> {
  switch (setting.kind) {
    case "folder":
      return fromFolder(setting.location, workDir);
    case "zip":
      return [await extracted(packageNameOf(setting.location), setting.location, workDir)];
    case "url":
      return [await fromUrl(setting.location, workDir, httpGet)];
  }
}
