// Streams a zip into an empty folder with yauzl. Every entry is checked against the rules in entry-rules.ts
// from the central directory first, so a hostile zip is refused before a single byte is written; while
// extracting, bytes are counted again and every output path is confirmed to lie inside the target folder.
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import {
  checkEntryKind,
  checkEntryPath,
  checkEntryRatio,
  isDirectoryEntry,
  NameRegistry,
  type EntryFacts,
} from "./entry-rules.ts";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip-limits.ts";
import { ZipRejectedError } from "./zip-rejection.ts";

export interface ExtractedZip {
  /** Files written, relative to the target folder, with forward slashes, in zip order. */
  files: string[];
  totalBytes: number;
}

interface PlannedEntry {
  entry: Entry;
  path: string;
  directory: boolean;
}

function facts(entry: Entry): EntryFacts {
  const name = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileName as unknown as Buffer,
    entry.extraFields,
    false,
  );
  return {
    name,
    generalPurposeBitFlag: entry.generalPurposeBitFlag,
    versionMadeBy: entry.versionMadeBy,
    externalFileAttributes: entry.externalFileAttributes,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
  };
}

function unreadable(error: unknown): ZipRejectedError {
  if (error instanceof ZipRejectedError) return error;
  const message = (error as Error).message ?? String(error);
  if (/encrypt/i.test(message))
    return new ZipRejectedError("encrypted", `The zip uses encryption: ${message}`);
  return new ZipRejectedError("unreadable", `The file is not a readable zip: ${message}`);
}

async function openZip(zipPath: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw unreadable(error);
  }
}

/** Reads the central directory and applies every rule; returns what to extract. */
async function planExtraction(zip: ZipFile, limits: ZipLimits): Promise<PlannedEntry[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new ZipRejectedError(
      "too-many-entries",
      `The zip has ${zip.entryCount} entries, over the limit of ${limits.maxEntries}.`,
    );
  }
  const names = new NameRegistry();
  const planned: PlannedEntry[] = [];
  let declaredTotal = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const f = facts(entry);
      const normalised = checkEntryPath(f.name, limits);
      checkEntryKind(f);
      const directory = isDirectoryEntry(f.name);
      names.claim(normalised, f.name);
      if (!directory) {
        checkEntryRatio(f, limits);
        declaredTotal += f.uncompressedSize;
        if (declaredTotal > limits.maxTotalBytes) {
          throw new ZipRejectedError(
            "too-large-uncompressed",
            `The zip unpacks to more than ${limits.maxTotalBytes} bytes (reached at "${f.name}").`,
            f.name,
          );
        }
      }
      planned.push({ entry, path: normalised, directory });
    }
  } catch (error) {
    throw unreadable(error);
  }
  return planned;
}

function inside(root: string, relative: string): string {
  const target = path.resolve(root, ...relative.split("/"));
  if (target !== root && !target.startsWith(root + path.sep)) {
    throw new ZipRejectedError("zip-slip", `Entry "${relative}" would be written outside the target folder.`);
  }
  return target;
}

function byteCounter(limits: ZipLimits, state: { total: number }, name: string): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      state.total += chunk.length;
      if (state.total > limits.maxTotalBytes) {
        callback(
          new ZipRejectedError(
            "too-large-uncompressed",
            `The zip unpacked past ${limits.maxTotalBytes} bytes while writing "${name}".`,
            name,
          ),
        );
        return;
      }
      callback(null, chunk);
    },
  });
}

async function assertEmptyTarget(targetDir: string): Promise<boolean> {
  try {
    const existing = await readdir(targetDir);
    if (existing.length > 0) throw new Error(`Refusing to extract into a non-empty folder: ${targetDir}`);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await mkdir(targetDir, { recursive: true });
    return true;
  }
}

/**
 * Extracts `zipPath` into `targetDir` (created, or an existing empty folder). On any refusal it throws a
 * ZipRejectedError and leaves the target folder empty; `signal` stops it before any entry (its abort reason is
 * thrown, the target folder left empty).
 */
export async function extractZip(
  zipPath: string,
  targetDir: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  signal?: AbortSignal,
): Promise<ExtractedZip> {
  const { size } = await stat(zipPath);
  if (size > limits.maxArchiveBytes) {
    throw new ZipRejectedError(
      "archive-too-large",
      `The zip is ${size} bytes, over the limit of ${limits.maxArchiveBytes}.`,
    );
  }
  const root = path.resolve(targetDir);
  const zip = await openZip(zipPath);
  try {
    const planned = await planExtraction(zip, limits);
    await assertEmptyTarget(root);
    const state = { total: 0 };
    const files: string[] = [];
    try {
      for (const item of planned) {
        signal?.throwIfAborted();
        const out = inside(root, item.path);
        if (item.directory) {
          await mkdir(out, { recursive: true });
          continue;
        }
        await mkdir(path.dirname(out), { recursive: true });
        const source = await zip.openReadStreamPromise(item.entry).catch((e: unknown) => {
          throw unreadable(e);
        });
        await pipeline(
          source,
          byteCounter(limits, state, item.path),
          createWriteStream(out, { flags: "wx" }),
        );
        files.push(item.path);
      }
    } catch (error) {
      await emptyFolder(root);
      throw signal?.aborted ? error : unreadable(error);
    }
    return { files, totalBytes: state.total };
  } finally {
    zip.close();
  }
}

async function emptyFolder(root: string): Promise<void> {
  for (const name of await readdir(root)) await rm(path.join(root, name), { recursive: true, force: true });
}
