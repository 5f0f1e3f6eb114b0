// `pnpm conformance:mutants [name...]`: runs every mutant bridge (or the named ones) against the properties it
// targets, one CLI run each, and writes reports/mutation-matrix.json. Exit 0 when every mutant is killed, 1 when
// one survives, 2 for an unknown mutant name.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { MUTANTS } from "../../conformance/mutants/index.ts";
import { mutantOutcome, mutationMatrix, type MutantOutcome } from "../mutation/mutation-matrix.ts";
import { reportsDir } from "../reporting/reports-dir.ts";
import { runConformanceCli } from "./run-conformance-cli.ts";

async function runMutant(mutant: (typeof MUTANTS)[number]): Promise<MutantOutcome> {
  const run = await runConformanceCli(
    ["--bridge", `mutant:${mutant.name}`, "--properties", mutant.targets.join(","), "--workers", "1"],
    { ESB_SHRINK: "0" },
  );
  return mutantOutcome(
    mutant,
    run.results,
    `the CLI exited ${run.code} without results: ${run.output.slice(-500)}`,
  );
}

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !MUTANTS.some((m) => m.name === n));
  if (unknown.length > 0) {
    console.error(
      `Unknown mutant(s): ${unknown.join(", ")}. Known: ${MUTANTS.map((m) => m.name).join(", ")}`,
    );
    return 2;
  }
  const selected = names.length > 0 ? MUTANTS.filter((m) => names.includes(m.name)) : MUTANTS;
  const outcomes: MutantOutcome[] = [];
  for (const [i, mutant] of selected.entries()) {
    const outcome = await runMutant(mutant);
    outcomes.push(outcome);
    const verdict = outcome.killed ? "killed" : `SURVIVED (failed: ${outcome.failed.join(", ") || "none"})`;
    console.log(`[${i + 1}/${selected.length}] ${mutant.name} -> ${mutant.targets.join(", ")}: ${verdict}`);
  }
  const matrix = mutationMatrix(outcomes);
  const dir = reportsDir();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "mutation-matrix.json");
  await writeFile(file, `${JSON.stringify(matrix, null, 2)}\n`);
  console.log(`${matrix.killed} of ${outcomes.length} mutants killed. Matrix: ${file}`);
  return matrix.survived.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(3);
  },
);
