// Types of the golden scenario files recorded on a real Moodle (see ../shared/golden/<release>/README.md).

/** A value the probe generated instead of spelling it out: deterministic text of `len` UTF-16 code units. */
export interface GenSpec {
  gen: "unicode" | "ascii";
  len: number;
}

/** How long strings appear in `probe_log` and `db`: length and FNV-1a 32 over UTF-16 code units. */
export interface ValueSummary {
  len: number;
  fnv: string;
  head?: string;
  tail?: string;
}

export type ScriptArg = string | GenSpec;

/** One scripted API call: `[fn, ...args]`, or an object form that also says what the call should return. */
export type ScriptCall = [string, ...ScriptArg[]] | { fn: string; args: ScriptArg[]; expect?: ScriptArg };

export type GoldenValue = string | ValueSummary;

/** One `mdl_scorm_scoes_value` row joined with its element and attempt, tokens in place of ids. */
export interface GoldenValueRow {
  scoid: string;
  attemptid: string;
  element: string;
  value: GoldenValue;
  userid: string;
  attempt: number;
}

export interface GoldenSeqObjective {
  primaryobj: string;
  objectiveid: string;
  satisfiedbymeasure?: string;
  minnormalizedmeasure?: string;
}

/** One parsed `scorm_scoes` row (organisation or item) with its `scorm_scoes_data`. */
export interface GoldenSco {
  id: string;
  identifier: string;
  organization: string;
  parent: string;
  scormtype: string;
  launch: string;
  title: string;
  sortorder: number;
  scoes_data: Record<string, string>;
  seq_objectives: GoldenSeqObjective[];
}

export interface GoldenManifestFacts {
  scorm_version_column: string;
  requested?: Array<Record<string, unknown>>;
  scoes: GoldenSco[];
}

export interface GoldenLaunch {
  index: number;
  via: string;
  mode: string;
  newattempt: boolean;
  player_mode_banner: string | null;
  sessions_completed: number;
  /** The view page's text lines before Enter was pressed (`via: enter`). */
  view_text?: string[];
  /** Set when the launch opened one SCO directly (`via: player`). */
  sco?: string;
  /**
   * Set by the replay's scope, not by the recording: the native player reached this SCO by in-player navigation
   * (auto-continue) inside the launch before it, so Moodle stored no x.start.time for it; the replay opens it with a
   * player load of its own.
   */
  navigated?: boolean;
}

/** Compact state after a launch: values as `[attempt token, sco token, element, value]`. */
export interface GoldenSnapshot {
  after_launch: number;
  values: Array<[string, string, string, GoldenValue]>;
  grade_grades?: GoldenGradeRow[];
  completion?: GoldenCompletionRow[];
}

/** What the probe logged for one SCO session under Moodle's player (long strings summarised). */
export interface GoldenProbeLog {
  sco: string;
  session: number;
  calls: Array<{ i: number; fn: string; args: unknown[]; ret?: unknown; err?: unknown; retType?: string }>;
}

/** A gradebook row of the actor, as `db.grade_grades` or a snapshot's `grade_grades` records it. */
export interface GoldenGradeRow {
  userid: string;
  rawgrade: string | null;
  finalgrade: string | null;
  rawgrademax?: string | null;
}

/** A course_modules_completion row of the actor. */
export interface GoldenCompletionRow {
  userid: string;
  completionstate: string | number;
}

export interface GoldenScenario {
  name: string;
  description: string;
  group: string;
  scorm_version: "1.2" | "2004";
  actor: string;
  activity_settings: Record<string, string | null>;
  capability_overrides: unknown[];
  manifest_facts: GoldenManifestFacts;
  script: Record<string, ScriptCall[][]>;
  launches: GoldenLaunch[];
  probe_log?: GoldenProbeLog[];
  db: { values: GoldenValueRow[]; grade_grades?: GoldenGradeRow[]; completion?: GoldenCompletionRow[] };
  db_snapshots: GoldenSnapshot[];
}
