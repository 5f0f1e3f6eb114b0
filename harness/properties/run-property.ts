// Runs one property with fast-check inside a Playwright test: seed, path and run count from the environment
// (so a failure can be replayed exactly), fixed regression examples first, and on failure a message with the
// seed, the path, the counterexample and a one-line replay command; the counterexample is run once more for the
// failure's screenshots (evidence-replay.ts).
import type { TestInfo } from "@playwright/test";
import fc from "fast-check";
import { replayForEvidence } from "./evidence-replay.ts";
import type { PropertyMeta } from "./registry.ts";

export interface PropertyRunOptions<T> {
  /** Runs when neither --runs nor ESB_RUNS says otherwise. */
  defaultRuns: number;
  examples?: T[];
}

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

export function replayCommand(id: string, seed: number, path: string | undefined): string {
  const bridge = process.env.ESB_BRIDGE ?? "reference";
  return `pnpm conformance --properties ${id} --bridge ${bridge} --seed ${seed}${path ? ` --path ${path}` : ""}`;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "string" && v.length > 200 ? `${v.slice(0, 80)}…(${v.length} chars)…${v.slice(-40)}` : v,
  );
  if (text === undefined) return String(value);
  return text.length > 4_000 ? `${text.slice(0, 4_000)}…` : text;
}

export async function runProperty<T>(
  testInfo: TestInfo,
  meta: PropertyMeta,
  arbitrary: fc.Arbitrary<T>,
  check: (input: T) => Promise<void>,
  options: PropertyRunOptions<T>,
): Promise<void> {
  const seed = envInt("ESB_SEED") ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const path = process.env.ESB_PATH || undefined;
  const numRuns = envInt("ESB_RUNS") ?? options.defaultRuns;
  testInfo.annotations.push(
    { type: "property", description: meta.id },
    { type: "seed", description: String(seed) },
  );

  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (input) => {
      await check(input);
    }),
    {
      seed,
      path,
      numRuns,
      examples: (options.examples ?? []).map((e) => [e] as [T]),
      endOnFailure: process.env.ESB_SHRINK === "0",
      interruptAfterTimeLimit: envInt("ESB_TIME_LIMIT_MS") ?? 120_000,
      markInterruptAsFailure: false,
    },
  );
  testInfo.annotations.push({ type: "runs", description: String(details.numRuns) });
  if (!details.failed) return;

  const counterexample = details.counterexample?.[0];
  const evidenceReplay = details.counterexample
    ? await replayForEvidence(testInfo, check, details.counterexample[0])
    : null;
  await testInfo.attach("counterexample.json", {
    body: JSON.stringify({ seed, path: details.counterexamplePath, evidenceReplay, counterexample }, null, 2),
    contentType: "application/json",
  });
  const cause =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const replay = replayCommand(meta.id, details.seed, details.counterexamplePath ?? undefined);
  testInfo.annotations.push({ type: "replay", description: replay });
  throw new Error(
    [
      `${meta.id} ${meta.title} failed after ${details.numRuns} run(s) (${details.numShrinks} shrinks).`,
      `seed: ${details.seed}  path: ${details.counterexamplePath ?? "-"}`,
      `counterexample: ${describe(counterexample)}`,
      `cause: ${cause}`,
      `replay: ${replay}`,
    ].join("\n"),
  );
}
