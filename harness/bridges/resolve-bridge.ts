// Turns a --bridge name (`reference`, `mutant:<name>`) into its adapter, with a clear error for unknown names.
import { MUTANTS } from "../../conformance/mutants/index.ts";
import type { BridgeAdapter } from "./bridge-adapter.ts";
import { mutantAdapter } from "./mutant-bridge.ts";
import { referenceBridge } from "./reference-bridge.ts";
import { scormAgainCrossFrame } from "./scorm-again-crossframe.ts";

export function bridgeNames(): string[] {
  return [referenceBridge.name, scormAgainCrossFrame.name, ...MUTANTS.map((m) => `mutant:${m.name}`)];
}

export function resolveBridge(name: string): BridgeAdapter {
  if (name === referenceBridge.name) return referenceBridge;
  if (name === scormAgainCrossFrame.name) return scormAgainCrossFrame;
  if (name.startsWith("mutant:")) {
    const mutant = MUTANTS.find((m) => m.name === name.slice("mutant:".length));
    if (mutant) return mutantAdapter(mutant);
  }
  throw new Error(`Unknown bridge "${name}". Known bridges: ${bridgeNames().join(", ")}`);
}
