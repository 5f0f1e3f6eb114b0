// `pnpm report --merge <dirs>`: merges the reports directories of several shards into one: results.json,
// run-details.json with its evidence, allure-results, and Playwright blob reports (into JUnit and HTML).
import { spawn } from "node:child_process";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import { mergeResults } from "./merge-results.ts";
import type { ResultsFile } from "./results-file.ts";
import { readRunDetails, RUN_DETAILS_FILE, type SubtestResult } from "./run-details.ts";

export interface MergeOutcome {
  shards: number;
  blobs: number;
  notes: string[];
}

function mergeBlobs(blobDir: string, out: string): Promise<number> {
  const cli = path.join(PROJECT_ROOT, "node_modules", "@playwright", "test", "cli.js");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "merge-reports", "--reporter", "junit,html", blobDir], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        PLAYWRIGHT_JUNIT_OUTPUT_FILE: path.join(out, "junit.xml"),
        PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(out, "playwright-report"),
        PLAYWRIGHT_HTML_OPEN: "never",
      },
      stdio: "inherit",
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

export async function mergeReportDirs(sources: string[], out: string): Promise<MergeOutcome> {
  const notes: string[] = [];
  await mkdir(out, { recursive: true });
  const results: ResultsFile[] = [];
  const tests: SubtestResult[] = [];
  let blobs = 0;
  for (const [k, src] of sources.entries()) {
    results.push(JSON.parse(await readFile(path.join(src, "results.json"), "utf8")) as ResultsFile);
    const prefix = `evidence/s${k + 1}/`;
    for (const t of (await readRunDetails(src)).tests)
      tests.push({
        ...t,
        attachments: t.attachments.map((a) => ({ ...a, file: a.file.replace(/^evidence\//, prefix) })),
      });
    await cp(path.join(src, "evidence"), path.join(out, prefix), { recursive: true }).catch(() => undefined);
    await cp(path.join(src, "allure-results"), path.join(out, "allure-results"), { recursive: true }).catch(
      () => undefined,
    );
    for (const zip of (await readdir(path.join(src, "blob-report")).catch(() => [])).filter((f) =>
      f.endsWith(".zip"),
    )) {
      await mkdir(path.join(out, "blob-reports"), { recursive: true });
      await cp(path.join(src, "blob-report", zip), path.join(out, "blob-reports", `s${k + 1}-${zip}`));
      blobs += 1;
    }
  }
  await writeFile(path.join(out, "results.json"), JSON.stringify(mergeResults(results), null, 2) + "\n");
  await writeFile(path.join(out, RUN_DETAILS_FILE), JSON.stringify({ tests }, null, 2) + "\n");
  if (blobs > 0) {
    const code = await mergeBlobs(path.join(out, "blob-reports"), out);
    if (code !== 0) notes.push(`playwright merge-reports exited ${code}`);
  } else notes.push("no blob reports found (run shards with --shard to get them); junit.xml not merged");
  return { shards: sources.length, blobs, notes };
}
