// Gives a twin activity the scenario's mdl_scorm settings and each SCO's scorm_scoes_data rows as Moodle stored them.
import { scormInstanceUpdated } from "../../moodle-stack/twin/grade-updates.ts";
import type { MoodleTwin } from "../../moodle-stack/twin/moodle-twin.ts";
import type { GoldenManifestFacts } from "./scenario-types.ts";

/** Kept as the twin set them: the version is parsed from the manifest (checked), the type marks a CDN activity. */
const KEPT = new Set(["version", "scormtype"]);

const sqlValue = (v: string | null): string | number | null =>
  v === null ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;

/** Applies `settings` (mdl_scorm columns as stored); returns notes on columns the twin lacks. */
export function applyActivitySettings(
  twin: MoodleTwin,
  scormid: number,
  settings: Record<string, string | null>,
): string[] {
  const notes: string[] = [];
  const columns = new Set(
    twin.query("SELECT name FROM pragma_table_info('mdl_scorm')").map((r) => String(r.name)),
  );
  const row = twin.query("SELECT version FROM mdl_scorm WHERE id = ?", [scormid])[0];
  if (settings.version && row?.version !== settings.version) {
    throw new Error(`The twin made a ${String(row?.version)} activity; the scenario has ${settings.version}`);
  }
  for (const [column, value] of Object.entries(settings)) {
    if (KEPT.has(column)) continue;
    if (!/^[a-z_]+$/.test(column)) throw new Error(`Bad mdl_scorm column name ${column}`);
    if (!columns.has(column)) {
      notes.push(`twin mdl_scorm has no column ${column} (scenario value ${JSON.stringify(value)})`);
      continue;
    }
    twin.db.run(`UPDATE mdl_scorm SET ${column} = ? WHERE id = ?`, [sqlValue(value), scormid]);
  }
  return notes;
}

/**
 * Makes each item SCO's scorm_scoes_data hold the rows Moodle stored (inserting or updating by name, leaving the
 * twin's other rows alone); returns notes on what had to be added or changed and on facts the twin cannot hold.
 */
export function applyScoData(twin: MoodleTwin, scormid: number, facts: GoldenManifestFacts): string[] {
  const notes: string[] = [];
  const twinScoes = new Map(
    twin
      .query("SELECT id, identifier FROM mdl_scorm_scoes WHERE scorm = ?", [scormid])
      .map((r) => [String(r.identifier), Number(r.id)]),
  );
  for (const sco of facts.scoes) {
    const scoid = twinScoes.get(sco.identifier);
    if (scoid === undefined) {
      notes.push(
        `twin has no scorm_scoes row for ${sco.identifier} (${sco.launch ? "item" : "organisation"})`,
      );
      continue;
    }
    for (const [name, value] of Object.entries(sco.scoes_data)) {
      const existing = twin.query("SELECT id, value FROM mdl_scorm_scoes_data WHERE scoid = ? AND name = ?", [
        scoid,
        name,
      ]);
      if (existing.length === 0) {
        twin.db.run("INSERT INTO mdl_scorm_scoes_data (scoid, name, value) VALUES (?, ?, ?)", [
          scoid,
          name,
          value,
        ]);
        notes.push(
          `${sco.identifier}: added scoes_data ${name}=${JSON.stringify(value)} (twin did not store it)`,
        );
      } else if (existing.some((r) => String(r.value) !== value)) {
        twin.db.run("UPDATE mdl_scorm_scoes_data SET value = ? WHERE scoid = ? AND name = ?", [
          value,
          scoid,
          name,
        ]);
        notes.push(
          `${sco.identifier}: set scoes_data ${name}=${JSON.stringify(value)} (twin stored another value)`,
        );
      }
    }
    // The twin files the manifest's objectives itself; a note says where it filed them otherwise than Moodle.
    const filed = twin.activities.scoObjectives(scoid);
    const recorded = sco.seq_objectives.map((o) => ({
      objectiveid: o.objectiveid,
      minnormalizedmeasure: o.minnormalizedmeasure,
    }));
    if (JSON.stringify(filed) !== JSON.stringify(recorded))
      notes.push(
        `${sco.identifier}: twin scorm_seq_objective ${JSON.stringify(filed)}, Moodle ${JSON.stringify(recorded)}`,
      );
  }
  return notes;
}

const COMPLETION_RULES = ["completionstatusrequired", "completionscorerequired", "completionstatusallscos"];

/**
 * What the recording's activity had beyond mdl_scorm: completion tracking. The recordings carry no
 * course_modules.completion, but every scenario that requested a completion rule has automatic tracking and none
 * without one ever stored a completion row, so tracking is automatic exactly when a rule is set. Then the activity is
 * re-saved as scorm_update_instance does (grade item from the settings, everyone regraded). Returns a note.
 */
export function applyGradingSetup(
  twin: MoodleTwin,
  activity: { cmid: number; scormid: number },
  settings: Record<string, string | null>,
): string[] {
  const automatic = COMPLETION_RULES.some(
    (r) => settings[r] !== null && settings[r] !== undefined && Number(settings[r]) !== 0,
  );
  twin.db.run("UPDATE mdl_course_modules SET completion = ? WHERE id = ?", [
    automatic ? 2 : 0,
    activity.cmid,
  ]);
  scormInstanceUpdated(twin.db, activity.scormid);
  return [
    `completion tracking ${automatic ? "automatic (a completion rule is set)" : "off (no completion rule)"}`,
  ];
}
