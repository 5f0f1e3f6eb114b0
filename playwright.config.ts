// Playwright projects: `conformance` (the 27 properties, driven by `pnpm conformance`) and the project's own
// tests (`unit`, `integration`, `suite`, run by `pnpm test`).
import path from "node:path";
import { defineConfig, type ReporterDescription } from "@playwright/test";
import { reportsDir } from "./harness/reporting/reports-dir.ts";
import type { TwinBackendOptions } from "./tests/support/twin-database-test.ts";

const conformanceRun = process.env.ESB_MODE === "conformance";
/** The unit tests that exercise the twin's database: they run on SQLite (`unit`) and on MySQL (`unit-mysql`). */
const TWIN_DATABASE_TESTS =
  /(twin-database|lms-api|commit-value-rules|twin-storage|twin-access|teacher-side|gradebook-completion|core-events|twin-op-bookkeeping)\.spec\.ts$/;
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

export default defineConfig<object, TwinBackendOptions>({
  reporter,
  outputDir: path.join(out, conformanceRun ? "test-output" : "project-test-output"),
  workers: Number(process.env.ESB_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  use: { trace: "retain-on-failure" },
  projects: [
    { name: "conformance", testDir: "conformance/properties", timeout: 300_000 },
    { name: "unit", testDir: "tests/unit", timeout: 30_000 },
    // The twin's database-backed unit tests again with the twin on MySQL (a private MariaDB per worker, see
    // tests/support/twin-database-test.ts); skipped with a notice where MariaDB is not installed.
    {
      name: "unit-mysql",
      testDir: "tests/unit",
      testMatch: TWIN_DATABASE_TESTS,
      timeout: 60_000,
      use: { twinBackend: "mysql" },
    },
    // The same tests with mod_scorm's tracking tables of Moodle 4.1 (scorm_scoes_track), on both databases.
    {
      name: "unit-moodle41",
      testDir: "tests/unit",
      testMatch: TWIN_DATABASE_TESTS,
      use: { moodleSchema: "4.1" },
    },
    {
      name: "unit-mysql-moodle41",
      testDir: "tests/unit",
      testMatch: TWIN_DATABASE_TESTS,
      timeout: 60_000,
      use: { twinBackend: "mysql", moodleSchema: "4.1" },
    },
    { name: "integration", testDir: "tests/integration", timeout: 120_000 },
    // One suite test at a time: each runs the conformance CLI with its own workers, and two full runs side by side
    // (the reference run and the containers run) overload a 2-core machine into timing failures.
    { name: "suite", testDir: "tests/suite", timeout: 1_800_000, workers: 1 },
  ],
});
