// Finds and reads results.json files under the given files or folders (a few levels deep).
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ResultsFile } from "./results-file.ts";

const SKIPPED_DIRS = new Set(["node_modules", "allure-results", "allure-report", "evidence", "test-output"]);

async function walk(dir: string, depth: number, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.isFile() && e.name === "results.json") found.push(path.join(dir, e.name));
    else if (e.isDirectory() && depth > 0 && !SKIPPED_DIRS.has(e.name))
      await walk(path.join(dir, e.name), depth - 1, found);
  }
}

export async function findResultsFiles(sources: string[], depth = 3): Promise<string[]> {
  const found: string[] = [];
  for (const source of sources) {
    const s = await stat(source).catch(() => null);
    if (s?.isFile()) found.push(path.resolve(source));
    else if (s?.isDirectory()) await walk(path.resolve(source), depth, found);
  }
  return [...new Set(found)].sort();
}

export async function readResultsFiles(files: string[]): Promise<ResultsFile[]> {
  const read = await Promise.all(
    files.map((f) =>
      readFile(f, "utf8").then(
        (t) => JSON.parse(t) as ResultsFile,
        () => null,
      ),
    ),
  );
  return read.filter((r): r is ResultsFile => r !== null && Array.isArray(r.properties) && !!r.suite);
}
