// A mutant bridge: the reference bridge with one module replaced so that it breaks a named property.
import type { BridgeAdapter } from "./bridge-adapter.ts";
import { builtBridge, bundleBridge, type Substitutions } from "./bundle-bridge.ts";

export interface MutantDefinition {
  name: string;
  /** The property ids this mutant is meant to break. */
  targets: string[];
  description: string;
  /**
   * Modules to swap, by project-relative path: bridge/ modules (browser side) or moodle-stack/twin/ modules reached
   * from the plugin's LMS API (server side).
   */
  substitutions: Substitutions;
}

export function mutantAdapter(mutant: MutantDefinition): BridgeAdapter {
  return {
    name: `mutant:${mutant.name}`,
    description: mutant.description,
    async build(outDir) {
      await bundleBridge(outDir, mutant.substitutions);
      return builtBridge(outDir);
    },
  };
}
