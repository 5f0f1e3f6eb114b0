// The rules every zip entry must pass before anything is written: a relative path inside the package, no
// symlink, no encryption, a size and compression ratio within the limits, and a name no other entry has.
import type { ZipLimits } from "./zip-limits.ts";
import { ZipRejectedError } from "./zip-rejection.ts";

export interface EntryFacts {
  /** Name as decoded from the zip, backslashes already turned into slashes. */
  name: string;
  generalPurposeBitFlag: number;
  versionMadeBy: number;
  externalFileAttributes: number;
  compressedSize: number;
  uncompressedSize: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOSTS = new Set([3, 19]); // Unix, OS X

export function isDirectoryEntry(name: string): boolean {
  return name.endsWith("/");
}

/** Checks the entry's path and returns it normalised (no `.` segments, no trailing slash). */
export function checkEntryPath(name: string, limits: ZipLimits): string {
  if (name.length > limits.maxPathLength) {
    throw new ZipRejectedError(
      "path-too-long",
      `Entry path is ${name.length} characters long, over the limit of ${limits.maxPathLength}: "${name.slice(0, 60)}…"`,
      name,
    );
  }
  if (name.includes("\0")) throw new ZipRejectedError("zip-slip", `Entry name contains a NUL byte.`, name);
  if (/^\//.test(name) || /^[A-Za-z]:/.test(name) || /^\/\//.test(name)) {
    throw new ZipRejectedError(
      "absolute-path",
      `Entry "${name}" has an absolute path; package entries must be relative to the package root.`,
      name,
    );
  }
  const segments = name.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) {
    throw new ZipRejectedError(
      "zip-slip",
      `Entry "${name}" climbs out of the package with "..": refused (zip-slip).`,
      name,
    );
  }
  if (segments.length === 0)
    throw new ZipRejectedError("zip-slip", `Entry "${name}" has an empty path.`, name);
  return segments.join("/");
}

export function checkEntryKind(entry: EntryFacts): void {
  const host = entry.versionMadeBy >>> 8;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (UNIX_HOSTS.has(host) && mode === S_IFLNK) {
    throw new ZipRejectedError(
      "symlink",
      `Entry "${entry.name}" is a symbolic link; packages may only hold files and folders.`,
      entry.name,
    );
  }
  if ((entry.generalPurposeBitFlag & 0x1) !== 0 || (entry.generalPurposeBitFlag & 0x40) !== 0) {
    throw new ZipRejectedError(
      "encrypted",
      `Entry "${entry.name}" is encrypted; packages must not be password-protected.`,
      entry.name,
    );
  }
}

export function checkEntryRatio(entry: EntryFacts, limits: ZipLimits): void {
  if (entry.uncompressedSize <= limits.ratioFloorBytes) return;
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > limits.maxCompressionRatio) {
    throw new ZipRejectedError(
      "compression-ratio",
      `Entry "${entry.name}" expands ${Math.round(ratio)}-fold (${entry.compressedSize} → ${entry.uncompressedSize} bytes), over the limit of ${limits.maxCompressionRatio}: a likely zip bomb.`,
      entry.name,
    );
  }
}

/** Remembers names (and their case-folded forms, which collide on case-insensitive disks) to refuse duplicates. */
export class NameRegistry {
  private readonly seen = new Map<string, string>();

  claim(path: string, rawName: string): void {
    const key = path.toLowerCase();
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      throw new ZipRejectedError(
        "duplicate-name",
        earlier === path
          ? `Entry "${rawName}" appears more than once in the zip.`
          : `Entries "${earlier}" and "${path}" differ only by letter case and would overwrite each other.`,
        rawName,
      );
    }
    this.seen.set(key, path);
  }
}
