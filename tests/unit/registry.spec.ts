import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PROJECT_ROOT } from "../../harness/packages/package-files.ts";
import { PROPERTIES, selectProperties } from "../../harness/properties/registry.ts";

test("the registry holds P01 to P27 once each, with complete metadata", () => {
  expect(PROPERTIES.map((p) => p.id)).toEqual(
    Array.from({ length: 27 }, (_, i) => `P${String(i + 1).padStart(2, "0")}`),
  );
  for (const p of PROPERTIES) {
    expect(p.title.length, p.id).toBeGreaterThan(3);
    expect(p.requirement.length, p.id).toBeGreaterThan(10);
    expect(p.specRefs.length, p.id).toBeGreaterThan(0);
    expect(p.stacks, p.id).toContain("embedded");
    expect(p.tags.length, p.id).toBeGreaterThan(0);
  }
});

test("titles match the property list in shared/docs/properties.md", () => {
  const doc = path.resolve(PROJECT_ROOT, "../shared/docs/properties.md");
  test.skip(!existsSync(doc), `No ${doc}: cannot compare titles.`);
  const rows = [...readFileSync(doc, "utf8").matchAll(/^\| (P\d{2}) \| ([^|]+) \|/gm)].map((m) => [
    m[1],
    m[2]!.trim(),
  ]);
  expect(rows).toEqual(PROPERTIES.map((p) => [p.id, p.title]));
});

test("every property spec file names a registered property and carries its tag", () => {
  const dir = path.join(PROJECT_ROOT, "conformance", "properties");
  for (const file of readdirSync(dir)) {
    const id = /^(P\d{2})-/.exec(file)?.[1];
    expect(id, file).toBeTruthy();
    const source = readFileSync(path.join(dir, file), "utf8");
    expect(source, file).toContain(`requireProperty("${id}")`);
  }
});

test("selectors accept ids, ranges and tags and refuse unknown names", () => {
  expect(selectProperties("P02,P05").map((p) => p.id)).toEqual(["P02", "P05"]);
  expect(selectProperties("p05-P07").map((p) => p.id)).toEqual(["P05", "P06", "P07"]);
  expect(selectProperties("resume").map((p) => p.id)).toEqual(["P06"]);
  expect(selectProperties(undefined)).toHaveLength(27);
  expect(() => selectProperties("P99")).toThrow(/Unknown property or tag "P99"/);
  expect(() => selectProperties("P07-P05")).toThrow(/Empty property range/);
});
