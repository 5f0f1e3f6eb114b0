// Checks of what a SCO's own scripts do that a cross-origin player cannot support: a SCO that reaches into its
// parent window's DOM reads or changes the bridge frame (or fails) instead of talking to the API.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { error, type PackageIssue } from "./package-issue.ts";

const PARENT_DOM = /\b(?:window\.)?(?:parent|top|opener)\s*\.\s*document\b/;
const SCRIPT_FILE = /\.(?:m?js|html?)$/i;

export async function parentDomIssues(root: string, scoFiles: readonly string[]): Promise<PackageIssue[]> {
  const out: PackageIssue[] = [];
  for (const file of [...new Set(scoFiles)].filter((f) => SCRIPT_FILE.test(f)).sort()) {
    let text: string;
    try {
      text = await readFile(path.join(root, file), "utf8");
    } catch {
      continue;
    }
    const lines = text.split("\n");
    const index = lines.findIndex((l) => PARENT_DOM.test(l));
    if (index >= 0) {
      const found = PARENT_DOM.exec(lines[index]!)?.[0] ?? "parent.document";
      out.push(
        error(
          "content",
          "sco-touches-parent-dom",
          `${file} line ${index + 1} uses "${found}": a SCO may reach its LMS only through the SCORM API, and in a cross-origin player its parent is the bridge frame, not the LMS page.`,
        ),
      );
    }
  }
  return out;
}
