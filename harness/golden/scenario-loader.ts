// Finds and reads the golden scenarios under ../shared/golden/<release>/scenarios, checking their shape.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import type { GoldenScenario } from "./scenario-types.ts";

export const GOLDEN_ROOT = path.resolve(PROJECT_ROOT, "../shared/golden");
export const GOLDEN_RELEASE = "moodle-4.5.6";

export interface GoldenCorpus {
  /** False when the shared golden folder is absent: callers skip with `notice`. */
  available: boolean;
  dir: string;
  notice: string;
  scenarios: GoldenScenario[];
}

export class GoldenFormatError extends Error {}

function need(ok: boolean, file: string, what: string): void {
  if (!ok) throw new GoldenFormatError(`${file}: ${what}`);
}

/** Checks the fields the replay relies on; anything else in the file is kept as it is. */
export function parseScenario(json: unknown, file: string): GoldenScenario {
  need(typeof json === "object" && json !== null, file, "not a JSON object");
  const s = json as Record<string, unknown>;
  need(typeof s.name === "string", file, "no name");
  need(s.scorm_version === "1.2" || s.scorm_version === "2004", file, "scorm_version is not 1.2 or 2004");
  need(typeof s.actor === "string", file, "no actor");
  need(typeof s.activity_settings === "object" && s.activity_settings !== null, file, "no activity_settings");
  const facts = s.manifest_facts as Record<string, unknown> | undefined;
  need(Array.isArray(facts?.scoes), file, "no manifest_facts.scoes");
  need(typeof s.script === "object" && s.script !== null, file, "no script");
  for (const [sco, sessions] of Object.entries(s.script as Record<string, unknown>)) {
    need(
      Array.isArray(sessions) && sessions.every((x) => Array.isArray(x)),
      file,
      `script.${sco} is not a list of sessions`,
    );
  }
  need(Array.isArray(s.launches), file, "no launches");
  const db = s.db as Record<string, unknown> | undefined;
  need(Array.isArray(db?.values), file, "no db.values");
  // dm_* scenarios record direct requests instead of launches and have no snapshots.
  if (!Array.isArray(s.db_snapshots)) s.db_snapshots = [];
  if (!Array.isArray(s.capability_overrides)) s.capability_overrides = [];
  return s as unknown as GoldenScenario;
}

/** Reads every scenario of a release, sorted by name; never throws for a missing folder. */
export function loadGoldenCorpus(release = GOLDEN_RELEASE, root = GOLDEN_ROOT): GoldenCorpus {
  const dir = path.join(root, release);
  const scenariosDir = path.join(dir, "scenarios");
  if (!existsSync(scenariosDir)) {
    return {
      available: false,
      dir,
      notice: `Golden data not found at ${scenariosDir}: skipping the golden parity replay.`,
      scenarios: [],
    };
  }
  const scenarios = readdirSync(scenariosDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const file = path.join(scenariosDir, f);
      return parseScenario(JSON.parse(readFileSync(file, "utf8")) as unknown, file);
    });
  return { available: true, dir, notice: "", scenarios };
}
