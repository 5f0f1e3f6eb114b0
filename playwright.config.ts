// Playwright projects: `conformance` (the 27 properties, driven by `pnpm conformance`) and the project's own
// tests (`unit`, `integration`, `suite`, run by `pnpm test`).
import path from "node:path";
import { defineConfig, type ReporterDescription } from "@playwright/test";
import { reportsDir } from "./harness/reporting/reports-dir.ts";

const conformanceRun = process.env.ESB_MODE === "conformance";
const out = reportsDir();

const reporter: ReporterDescription[] = conformanceRun
  ? [
      ["list"],
      ["junit", { outputFile: path.join(out, "junit.xml") }],
      ["allure-playwright", { resultsDir: path.join(out, "allure-results") }],
      ["./harness/reporting/results-reporter.ts"],
      ["./harness/reporting/run-details-reporter.ts"],
      ["./harness/reporting/progress-reporter.ts"],
      ...(process.env.ESB_SHARD
        ? [["blob", { outputDir: path.join(out, "blob-report") }] as ReporterDescription]
        : []),
    ]
  : [
      ["list"],
      ["junit", { outputFile: path.join(out, "project-tests.junit.xml") }],
      ["./harness/reporting/closing-line-reporter.ts"],
    ];

export default defineConfig({
  reporter,
  outputDir: path.join(out, conformanceRun ? "test-output" : "project-test-output"),
  workers: Number(process.env.ESB_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  use: { trace: "retain-on-failure" },
  projects: [
    { name: "conformance", testDir: "conformance/properties", timeout: 300_000 },
    { name: "unit", testDir: "tests/unit", timeout: 30_000 },
    { name: "integration", testDir: "tests/integration", timeout: 120_000 },
    { name: "suite", testDir: "tests/suite", timeout: 1_800_000 },
  ],
});
