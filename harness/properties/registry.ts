// The 27 correctness properties of shared/docs/properties.md as typed metadata: one registry, linted by the
// project's tests. A property's check lives in conformance/properties/<id>-*.spec.ts.
export type PropertyId = `P${string}`;
export type Stack = "embedded" | "containers";
export type Level = "must" | "should";

export interface PropertyMeta {
  id: PropertyId;
  title: string;
  requirement: string;
  specRefs: string[];
  stacks: Stack[];
  level: Level;
  tags: string[];
}

const BOTH: Stack[] = ["embedded", "containers"];

const p = (
  id: PropertyId,
  title: string,
  requirement: string,
  specRefs: string[],
  tags: string[],
): PropertyMeta => ({ id, title, requirement, specRefs, stacks: BOTH, level: "must", tags });

export const PROPERTIES: readonly PropertyMeta[] = [
  p(
    "P01",
    "URL validation consistency",
    "Every layer gives the same verdict and reason for a candidate CDN URL.",
    ["RFC 3986", "WHATWG URL"],
    ["config", "security"],
  ),
  p(
    "P02",
    "SCORM version detection",
    "The detected version is the declared one, and the SCO finds exactly the matching API global on the frame.",
    ["SCORM 1.2 RTE 3.3", "SCORM 2004 4th RTE 3.1", "CAM 3.4.1"],
    ["runtime", "packages"],
  ),
  p(
    "P03",
    "API method execution",
    "Every API method returns the right value and error code synchronously.",
    ["SCORM 1.2 RTE 3.4", "SCORM 2004 4th RTE 3.1.4"],
    ["runtime"],
  ),
  p(
    "P04",
    "PostMessage serialization",
    "Every protocol message and value survives the cross-origin trip unchanged.",
    ["HTML Living Standard, cross-document messaging"],
    ["channel"],
  ),
  p(
    "P05",
    "Tracking data capture",
    "Every committed value is stored for the right user, activity, SCO and attempt under mod_scorm's name.",
    ["SCORM 2004 4th RTE 4", "moodle-scorm-contract §2"],
    ["tracking"],
  ),
  p(
    "P06",
    "Suspend data round trip",
    "suspend_data up to the limit comes back identical in a new launch with entry=resume.",
    ["SCORM 1.2 RTE 3.4.4", "SCORM 2004 4th RTE 4.2.24"],
    ["tracking", "resume"],
  ),
  p(
    "P07",
    "Score synchronization",
    "The gradebook grade equals mod_scorm's result for the stored tracks.",
    ["moodle-scorm-contract §3"],
    ["grading"],
  ),
  p(
    "P08",
    "Completion status synchronization",
    "Activity completion equals mod_scorm's result after each commit.",
    ["moodle-scorm-contract §3.5"],
    ["completion"],
  ),
  p(
    "P09",
    "Commit retry logic",
    "Transient LMS failures are retried on schedule; permanent ones stop and show.",
    ["DESIGN durability"],
    ["durability"],
  ),
  p(
    "P10",
    "Tracking history completeness",
    "Stored values are the last committed per attempt, history intact, events once each.",
    ["moodle-scorm-contract §2, §5"],
    ["tracking"],
  ),
  p(
    "P11",
    "Multi-SCO support",
    "Each SCO's tracking lands on its own SCO id and the runtime resets between SCOs.",
    ["SCORM 2004 4th SN"],
    ["runtime", "packages"],
  ),
  p(
    "P12",
    "Data model mapping",
    "The 1.2 and 2004 mapping is total and consistent.",
    ["SCORM 1.2 RTE 3.4", "SCORM 2004 4th RTE 4"],
    ["mapping"],
  ),
  p(
    "P13",
    "Interaction and objective capture",
    "Every interaction and objective field is stored, indices kept, up to the limits.",
    ["SCORM 2004 4th RTE 4.2.9", "4.2.17"],
    ["tracking"],
  ),
  p(
    "P14",
    "CDN whitelist enforcement",
    "A URL is accepted iff its host matches the whitelist; launches re-check it.",
    ["RFC 3986", "UTS #46"],
    ["config", "security"],
  ),
  p(
    "P15",
    "Timeout enforcement",
    "Every configured timeout ends its operation within tolerance and is reported.",
    ["DESIGN timeouts"],
    ["durability"],
  ),
  p(
    "P16",
    "URL unavailability handling",
    "CDN failures show a retry control and lose no tracking.",
    ["DESIGN durability"],
    ["durability", "cdn"],
  ),
  p(
    "P17",
    "PostMessage connection recovery",
    "A broken channel is noticed, re-established with a fresh nonce, and replayed once.",
    ["DESIGN connection"],
    ["channel", "durability"],
  ),
  p(
    "P18",
    "API call timeout handling",
    "A slow LMS never blocks the SCO and nothing is stored twice.",
    ["DESIGN durability"],
    ["durability"],
  ),
  p(
    "P19",
    "Session expiration data preservation",
    "Ops survive an expired session and land in the same attempt after sign-in.",
    ["DESIGN session expiry"],
    ["durability", "security"],
  ),
  p(
    "P20",
    "PostMessage origin validation",
    "Foreign origins, windows and nonces are ignored and logged; never target origin *.",
    ["HTML Living Standard, postMessage security"],
    ["channel", "security"],
  ),
  p(
    "P21",
    "Sensitive data encryption",
    "suspend_data and sensitive elements are encrypted at rest and decrypt exactly.",
    ["Moodle \\core\\encryption"],
    ["security"],
  ),
  p(
    "P22",
    "Permission verification",
    "Every LMS API operation checks the right capability.",
    ["moodle-scorm-contract §4"],
    ["security"],
  ),
  p(
    "P23",
    "Access control",
    "Users reach only their own tracking.",
    ["moodle-scorm-contract §4"],
    ["security"],
  ),
  p(
    "P24",
    "Unauthorized access logging",
    "Every refusal logs exactly one event; normal traffic logs none.",
    ["Moodle logstore_standard_log"],
    ["security"],
  ),
  p(
    "P25",
    "Export data completeness",
    "Exports hold exactly the stored rows with identical values.",
    ["moodle-scorm-contract §6"],
    ["reports"],
  ),
  p(
    "P26",
    "Real-time dashboard updates",
    "The teacher view shows a commit within 5 s without reloading.",
    ["DESIGN dashboard"],
    ["reports"],
  ),
  p(
    "P27",
    "Progress reset completeness",
    "Resets remove exactly what is in scope and nothing resurrects.",
    ["moodle-scorm-contract §6"],
    ["reports", "durability"],
  ),
];

export function propertyById(id: string): PropertyMeta | undefined {
  return PROPERTIES.find((prop) => prop.id === id);
}

/** Expands "P02,P05-P07,tracking" into property ids (ids, ranges, or tags). */
export function selectProperties(selector: string | undefined): PropertyMeta[] {
  if (!selector) return [...PROPERTIES];
  const chosen = new Set<string>();
  for (const raw of selector
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const range = /^P(\d{2})-P(\d{2})$/i.exec(raw);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from > to) throw new Error(`Empty property range ${raw}`);
      for (const prop of PROPERTIES) {
        const n = Number(prop.id.slice(1));
        if (n >= from && n <= to) chosen.add(prop.id);
      }
      continue;
    }
    const byId = propertyById(raw.toUpperCase());
    if (byId) {
      chosen.add(byId.id);
      continue;
    }
    const byTag = PROPERTIES.filter((prop) => prop.tags.includes(raw.toLowerCase()));
    if (byTag.length === 0) throw new Error(`Unknown property or tag "${raw}"`);
    for (const prop of byTag) chosen.add(prop.id);
  }
  return PROPERTIES.filter((prop) => chosen.has(prop.id));
}
