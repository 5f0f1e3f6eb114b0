// The CLI refuses an invalid expectations file before running anything: exit 2 and what is wrong.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { runConformanceCli } from "../../harness/cli/run-conformance-cli.ts";

test("an invalid expectations file stops the run with exit 2 and the reason", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "esb-bad-exp-"));
  try {
    const file = path.join(dir, "bad.json");
    await writeFile(
      file,
      JSON.stringify({
        format: "property-expectations/1",
        expectations: [
          {
            property: "P12",
            expected: ["FAIL"],
            when: { bridge: "reference" },
            kind: "known-divergence",
            reason: "x",
          },
        ],
      }),
    );
    const run = await runConformanceCli(["--properties", "P12", "--expectations", file]);
    expect(run.code, run.output).toBe(2);
    expect(run.output).toContain(`${file} is not a valid expectations file`);
    expect(run.output).toContain("the reference bridge must pass every property");
    expect(run.results).toBeNull();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
