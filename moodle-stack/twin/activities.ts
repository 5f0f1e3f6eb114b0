// SCORM activities whose package lives on a CDN: the scorm row, its course module, its SCOs parsed from the
// manifest into scorm_scoes / scorm_scoes_data, and the bridge's CDN URL row.
import { parseManifest } from "../../harness/packages/manifest.ts";
import type { ScormVersion } from "../../bridge/protocol/messages.ts";
import type { Row, TwinDb } from "./db.ts";
import { moodleVersionColumn, versionFromColumn } from "./element-names.ts";
import { scormGradeItemUpdate } from "./grade-updates.ts";
import { resolveScormSettings, scormColumns, type ScormActivitySettings } from "./scorm-settings.ts";

const now = (): number => Math.floor(Date.now() / 1000);

export interface ScormActivity {
  cmid: number;
  scormid: number;
  course: number;
  version: ScormVersion;
  cdnurl: string;
}

export interface ScoRow {
  [key: string]: number | string;
  id: number;
  scorm: number;
  identifier: string;
  launch: string;
  scormtype: string;
  title: string;
}

export class Activities {
  constructor(private readonly db: TwinDb) {}

  /**
   * Creates the activity from a manifest already fetched from `cdnurl` (the imsmanifest.xml URL), with grading,
   * attempt and completion settings over a fresh install's defaults (refused with the reason when invalid), and its
   * grade item (scorm_add_instance → scorm_grade_item_update).
   */
  createFromManifest(
    course: number,
    name: string,
    cdnurl: string,
    manifestXml: string,
    requested: Partial<ScormActivitySettings> = {},
  ): ScormActivity {
    const manifest = parseManifest(manifestXml);
    const settings = resolveScormSettings(requested);
    return this.db.transaction(() => {
      const scormid = this.db.insert("mdl_scorm", {
        course,
        name,
        scormtype: "external",
        reference: cdnurl,
        version: moodleVersionColumn(manifest.version),
        ...scormColumns(settings),
        timemodified: now(),
      });
      let sortorder = 0;
      // scorm_parse_scorm: each organization is a row of its own (parent "/", no launch) before its items.
      const organizations = new Set<string>();
      for (const item of manifest.items) {
        if (!organizations.has(item.organization)) {
          organizations.add(item.organization);
          const org = manifest.model.organizations.find((o) => o.identifier === item.organization);
          this.db.insert("mdl_scorm_scoes", {
            scorm: scormid,
            manifest: manifest.identifier,
            organization: "",
            parent: "/",
            identifier: item.organization,
            launch: "",
            scormtype: "",
            title: org?.title ?? "",
            sortorder: ++sortorder,
          });
        }
        const scoid = this.db.insert("mdl_scorm_scoes", {
          scorm: scormid,
          manifest: manifest.identifier,
          organization: item.organization,
          parent: item.parent,
          identifier: item.identifier,
          launch: item.launch,
          // An item without a resource (a container) is an asset to mod_scorm.
          scormtype: item.launch ? item.scormtype : "asset",
          title: item.title,
          sortorder: ++sortorder,
        });
        // mod_scorm files every item's isvisible and parameters (defaults "true" and "") with the optional data.
        const data = { isvisible: String(item.isvisible), parameters: item.parameters, ...item.data };
        for (const [key, value] of Object.entries(data)) {
          this.db.insert("mdl_scorm_scoes_data", { scoid, name: key, value });
        }
        // scorm_get_objectives(): minnormalizedmeasure is 1.0 unless the objective names one.
        for (const objective of item.objectives) {
          this.db.insert("mdl_scorm_seq_objective", {
            scoid,
            primaryobj: objective.primary ? 1 : 0,
            objectiveid: objective.id,
            satisfiedbymeasure: objective.satisfiedByMeasure ? 1 : 0,
            minnormalizedmeasure: objective.minNormalizedMeasure?.trim() || "1.0",
          });
        }
      }
      const module = this.db.get<{ id: number }>("SELECT id FROM mdl_modules WHERE name = 'scorm'");
      const cmid = this.db.insert("mdl_course_modules", {
        course,
        module: module?.id ?? 1,
        instance: scormid,
        idnumber: "",
        completion: settings.completion,
        added: now(),
      });
      this.db.insert("mdl_local_externalscormbridge", { scormid, cdnurl, timemodified: now() });
      scormGradeItemUpdate(this.db, scormid);
      return { cmid, scormid, course, version: manifest.version, cdnurl };
    });
  }

  byCmid(cmid: number): ScormActivity | undefined {
    const row = this.db.get<{ scormid: number; course: number; version: string; cdnurl: string }>(
      `SELECT s.id AS scormid, s.course, s.version, b.cdnurl
         FROM mdl_course_modules cm
         JOIN mdl_modules m ON m.id = cm.module AND m.name = 'scorm'
         JOIN mdl_scorm s ON s.id = cm.instance
         JOIN mdl_local_externalscormbridge b ON b.scormid = s.id
        WHERE cm.id = ?`,
      [cmid],
    );
    if (!row) return undefined;
    return {
      cmid,
      scormid: row.scormid,
      course: row.course,
      version: versionFromColumn(row.version),
      cdnurl: row.cdnurl,
    };
  }

  sco(scormid: number, scoid: number): ScoRow | undefined {
    return this.db.get<ScoRow>(
      "SELECT id, scorm, identifier, launch, scormtype, title FROM mdl_scorm_scoes WHERE id = ? AND scorm = ?",
      [scoid, scormid],
    );
  }

  scoes(scormid: number): ScoRow[] {
    return this.db.all<ScoRow & Row>(
      "SELECT id, scorm, identifier, launch, scormtype, title FROM mdl_scorm_scoes WHERE scorm = ? ORDER BY sortorder",
      [scormid],
    );
  }

  /** The SCO's rows of scorm_seq_objective in manifest order (primary objective first). */
  scoObjectives(scoid: number): Array<{ objectiveid: string; minnormalizedmeasure: string }> {
    return this.db.all<{ objectiveid: string; minnormalizedmeasure: string }>(
      "SELECT objectiveid, minnormalizedmeasure FROM mdl_scorm_seq_objective WHERE scoid = ? ORDER BY id",
      [scoid],
    );
  }

  scoData(scoid: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const r of this.db.all<{ name: string; value: string }>(
      "SELECT name, value FROM mdl_scorm_scoes_data WHERE scoid = ?",
      [scoid],
    )) {
      out[r.name] = r.value;
    }
    return out;
  }
}
