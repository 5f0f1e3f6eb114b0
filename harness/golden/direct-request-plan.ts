// What a dm_* scenario's hand-made datamodel.php request means for the plugin's own API, and what the plugin must
// answer (golden README: "the plugin's own API must do better"). Each recorded request becomes the equivalent
// local_externalscormbridge request: a launch when the request named the activity or SCO differently from the
// learner's own launch (another SCO, a SCO id of nothing, an `a` of another activity, an empty course module), else
// a commit on the learner's launch with the request's data elements as ops, sent with the sesskey, HTTP method and
// extra parameters the request had. A request is bad when datamodel.php should have refused it: no or a wrong
// sesskey, a GET, another activity or SCO, an attempt the learner did not choose, an element name outside the SCORM
// data model, or a value outside its element's SCORM 1.2 type. Bad requests must get an error and store nothing;
// the others must store what was sent, as Moodle did.

/** The `sco` of a Difference about a direct request (its element is "<label>: <what>"). */
export const DIRECT_SCO = "(direct)";

/** A recorded direct request, as the scenario file has it (long bodies summarised). */
export interface RecordedDirectRequest {
  label: string;
  method: string;
  fields: Array<[string, string | number]>;
  status: number;
  body: unknown;
}

export type SesskeyUse = "valid" | "missing" | "wrong";
/** A SCO the request names: the learner's own, another activity's, an id of nothing, 0, or none. */
export type ScoRef = "own" | "foreign" | { id: number } | "none";

export interface PluginRequest {
  label: string;
  http: "POST" | "GET";
  sesskey: SesskeyUse;
  /** Launch parameters when the request names its activity or SCO differently; null: commit on the own launch. */
  launch: { cmid: "own" | "empty"; sco: ScoRef; extra: Record<string, string> } | null;
  /** Extra commit parameters the request carried (an attempt number of the client's choice). */
  commitExtra: Record<string, string>;
  ops: Array<{ element: string; value: string }>;
  /** Why the request is bad, or null: it must be stored as Moodle stored it. */
  bad: string | null;
  /** Whether Moodle's datamodel.php stored it (answered `true` to a POST). */
  moodleStored: boolean;
}

const PARAMS = new Set(["id", "a", "sesskey", "attempt", "scoid"]);
const VOCABULARY_12: Record<string, string[]> = {
  "cmi.core.lesson_status": ["passed", "completed", "failed", "incomplete", "browsed", "not attempted"],
  "cmi.core.exit": ["time-out", "suspend", "logout", ""],
};
const SCORE_12 = /^cmi\.core\.score\.(raw|min|max)$/;
const TIMESPAN_12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
/** SCORM 1.2 element names a SCO may set (indices as digits), as the data model defines them. */
const NAME_12 =
  /^cmi\.(core\.(lesson_location|lesson_status|exit|session_time|score\.(raw|min|max))|suspend_data|comments|student_preference\.(audio|language|speed|text)|(objectives|interactions)\.\d+\.[a-z_.0-9]+)$/;

/** Why a SCORM 1.2 element and value are not something a SCO may set, or null when they are. */
export function invalid12(element: string, value: string): string | null {
  if (!NAME_12.test(element)) return `${element} is not a SCORM 1.2 element a SCO sets`;
  const vocabulary = VOCABULARY_12[element];
  if (vocabulary && !vocabulary.includes(value))
    return `${element}=${JSON.stringify(value)} is not in its vocabulary`;
  if (SCORE_12.test(element)) {
    const n = Number(value);
    if (value === "" ? false : !/^-?\d+(\.\d+)?$/.test(value) || n < 0 || n > 100)
      return `${element}=${JSON.stringify(value)} is not a CMIDecimal in 0..100`;
  }
  if (element === "cmi.core.session_time" && !TIMESPAN_12.test(value))
    return `${element}=${JSON.stringify(value)} is not a CMITimespan`;
  return null;
}

/** datamodel.php's field names: `__` stands for `.`. */
const elementOf = (field: string) => field.replaceAll("__", ".");

function scoRef(field: string | number | undefined): ScoRef {
  if (field === undefined) return "none";
  if (field === "<sco:ITEM-1>") return "own";
  if (typeof field === "string" && field.startsWith("<sco:extra:")) return "foreign";
  const id = typeof field === "number" ? field : Number(/^<sco\?(\d+)>$/.exec(field)?.[1] ?? NaN);
  return { id: Number.isFinite(id) ? id : -1 };
}

export function planRequest(r: RecordedDirectRequest, scormVersion: "1.2" | "2004"): PluginRequest {
  const f = new Map(r.fields.map(([k, v]) => [k, v]));
  const sco = scoRef(f.get("scoid"));
  const scoZero = typeof sco === "object" && sco.id === 0;
  // datamodel.php answers an empty 200 when confirm_sesskey() fails (and for scoid 0, which has no SCO to check).
  const sesskey: SesskeyUse = !f.has("sesskey")
    ? "missing"
    : r.status === 200 && r.body === "" && !scoZero
      ? "wrong"
      : "valid";
  const extra: Record<string, string> = {};
  if (f.has("a") && f.get("a") !== "<scorm>") extra.a = String(f.get("a"));
  const cmid: "own" | "empty" = f.get("id") === "<cm>" ? "own" : "empty";
  const launch =
    sco !== "own" || cmid !== "own" || Object.keys(extra).length > 0 ? { cmid, sco, extra } : null;
  const commitExtra: Record<string, string> = {};
  if (f.has("attempt") && f.get("attempt") !== "1") commitExtra.attempt = String(f.get("attempt"));
  const ops = r.fields
    .filter(([k]) => !PARAMS.has(k))
    .map(([k, v]) => ({ element: elementOf(k), value: String(v) }));
  const why = [
    sesskey !== "valid" ? `${sesskey} sesskey` : null,
    r.method !== "POST" ? `a ${r.method}` : null,
    launch ? `names another activity or SCO (${JSON.stringify({ ...launch })})` : null,
    commitExtra.attempt ? `attempt ${commitExtra.attempt} chosen by the client` : null,
    ...ops.map((op) => (scormVersion === "1.2" ? invalid12(op.element, op.value) : null)),
  ].filter((x): x is string => x !== null);
  return {
    label: r.label,
    http: r.method === "GET" ? "GET" : "POST",
    sesskey,
    launch,
    commitExtra,
    ops,
    bad: why.length > 0 ? why.join("; ") : null,
    moodleStored: r.method === "POST" && typeof r.body === "string" && r.body.startsWith("true"),
  };
}
