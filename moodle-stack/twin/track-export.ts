// The activity's download (moodle-scorm-contract §6): mod_scorm's report columns Name, Username, Attempt, Started
// on, Last accessed on, then one row per stored track with its SCO, element and value (decrypted), written as
// csv_export_writer("tab") does, named "<course shortname> <scorm name>.txt". Dates as userdate's default
// (strftimedaydatetime, in UTC here).
import type { ReportTrack } from "./report-tracks.ts";
import { tabSeparated } from "./tab-separated.ts";

export const EXPORT_COLUMNS = [
  "Name",
  "Username",
  "Attempt",
  "Started on",
  "Last accessed on",
  "SCO",
  "Element",
  "Value",
] as const;

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** userdate($time) with the default format "%A, %d %B %Y, %I:%M %p". */
export function userdate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const hour = d.getUTCHours() % 12 || 12;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(hour)}:${pad(d.getUTCMinutes())} ${d.getUTCHours() < 12 ? "AM" : "PM"}`;
}

export function exportFilename(courseShortname: string, scormName: string): string {
  return `${courseShortname} ${scormName}.txt`.replace(/[\\/:*?"<>|\r\n]/g, "_");
}

export function exportBody(tracks: readonly ReportTrack[]): string {
  const span = new Map<string, { first: number; last: number }>();
  for (const t of tracks) {
    const key = `${t.userid}:${t.attempt}`;
    const s = span.get(key) ?? { first: t.timemodified, last: t.timemodified };
    span.set(key, { first: Math.min(s.first, t.timemodified), last: Math.max(s.last, t.timemodified) });
  }
  const rows = tracks.map((t) => {
    const s = span.get(`${t.userid}:${t.attempt}`)!;
    return [
      t.fullname,
      t.username,
      String(t.attempt),
      userdate(s.first),
      userdate(s.last),
      t.sco,
      t.element,
      t.value,
    ];
  });
  return tabSeparated([[...EXPORT_COLUMNS], ...rows]);
}
