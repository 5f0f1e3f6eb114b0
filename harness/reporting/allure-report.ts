// Builds the allure HTML report from allure-results with allure-commandline (a Java program shipped on npm).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";

export type AllureOutcome = { built: true; dir: string } | { built: false; reason: string };

export function buildAllureReport(reportsDir: string): Promise<AllureOutcome> {
  const results = path.join(reportsDir, "allure-results");
  const dir = path.join(reportsDir, "allure-report");
  if (!existsSync(results))
    return Promise.resolve({ built: false, reason: `no ${results}: run pnpm conformance first` });
  const bin = path.join(PROJECT_ROOT, "node_modules", ".bin", "allure");
  if (!existsSync(bin))
    return Promise.resolve({
      built: false,
      reason: "allure-commandline is not installed (pnpm install installs it as a dev dependency)",
    });
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(bin, ["generate", results, "-o", dir, "--clean"], { cwd: PROJECT_ROOT });
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", (e) => resolve({ built: false, reason: e.message }));
    child.on("exit", (code) =>
      resolve(
        code === 0
          ? { built: true, dir }
          : {
              built: false,
              reason: `allure generate exited ${code} (it needs Java 8+ on PATH): ${output.trim().slice(-500)}`,
            },
      ),
    );
  });
}
