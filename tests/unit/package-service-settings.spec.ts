// The package service's settings: documented defaults, ESB_PACKAGE_* variables read and validated, and a bad
// value refused with the variable's name.
import { expect, test } from "@playwright/test";
import {
  defaultPackageServiceSettings,
  packageServiceSettingsFromEnv,
  validatePackageServiceSettings,
} from "../../moodle-stack/twin/package-service/settings.ts";

test("without variables the defaults apply", () => {
  expect(packageServiceSettingsFromEnv({})).toEqual(defaultPackageServiceSettings());
  expect(defaultPackageServiceSettings()).toMatchObject({
    maxBytes: 512 * 1024 * 1024,
    asyncBytes: 8 * 1024 * 1024,
    jobRetentionMs: 3_600_000,
    maxRunningJobs: 2,
  });
});

test("each variable sets its setting; empty ones keep the default", () => {
  expect(
    packageServiceSettingsFromEnv({
      ESB_PACKAGE_MAX_BYTES: "1000",
      ESB_PACKAGE_ASYNC_BYTES: " 10 ",
      ESB_PACKAGE_JOB_RETENTION_MS: "0",
      ESB_PACKAGE_MAX_RUNNING_JOBS: "1",
      ESB_PACKAGE_WORK_DIR: "/var/tmp/x",
    }),
  ).toEqual({ maxBytes: 1000, asyncBytes: 10, jobRetentionMs: 0, maxRunningJobs: 1, workDir: "/var/tmp/x" });
  expect(packageServiceSettingsFromEnv({ ESB_PACKAGE_MAX_BYTES: "" }).maxBytes).toBe(512 * 1024 * 1024);
});

test("a bad value is refused with the variable that carried it", () => {
  const cases: Array<[NodeJS.ProcessEnv, RegExp]> = [
    [
      { ESB_PACKAGE_MAX_BYTES: "10MB" },
      /^ESB_PACKAGE_MAX_BYTES must be a whole number of bytes, got "10MB"$/,
    ],
    [{ ESB_PACKAGE_ASYNC_BYTES: "-1" }, /^ESB_PACKAGE_ASYNC_BYTES must be a whole number/],
    [{ ESB_PACKAGE_MAX_RUNNING_JOBS: "0" }, /^ESB_PACKAGE_MAX_RUNNING_JOBS must be at least 1, got 0$/],
    [
      { ESB_PACKAGE_JOB_RETENTION_MS: "1.5" },
      /^ESB_PACKAGE_JOB_RETENTION_MS must be a whole number of milliseconds/,
    ],
    [
      { ESB_PACKAGE_MAX_BYTES: "100", ESB_PACKAGE_ASYNC_BYTES: "200" },
      /^ESB_PACKAGE_ASYNC_BYTES \(200\) must not exceed ESB_PACKAGE_MAX_BYTES \(100\)$/,
    ],
    [{ ESB_PACKAGE_WORK_DIR: " " }, /^ESB_PACKAGE_WORK_DIR must be a folder path/],
  ];
  for (const [env, message] of cases)
    expect(() => packageServiceSettingsFromEnv(env), JSON.stringify(env)).toThrow(message);
});

test("run-time changes are validated the same way, by setting name, over the current settings", () => {
  const base = validatePackageServiceSettings(
    { maxBytes: 500 },
    { ...defaultPackageServiceSettings(), asyncBytes: 100 },
  );
  expect(base).toMatchObject({ maxBytes: 500, asyncBytes: 100 });
  expect(() => validatePackageServiceSettings({ asyncBytes: 501 }, base)).toThrow(
    /asyncBytes \(501\) must not exceed maxBytes \(500\)/,
  );
});
