// The teacher's pages: the report (tracks per learner / attempt / SCO, delete forms, download link), the course
// reset form and the live dashboard. Every dynamic value is escaped.
import { escapeHtml } from "./html.ts";
import type { ReportTrack } from "./report-tracks.ts";
import type { DashboardRow } from "./teacher-api.ts";
import { userdate } from "./track-export.ts";

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
td{white-space:pre-wrap}</style></head><body>${body}</body></html>`;

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`);
}

const hidden = (name: string, value: string | number): string =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(String(value))}">`;

export interface ReportPageInput {
  cmid: number;
  sesskey: string;
  tracks: readonly ReportTrack[];
  canDelete: boolean;
}

export function reportPage(input: ReportPageInput): string {
  const action = `/mod/scorm/report.php?id=${input.cmid}`;
  const learners = new Map(input.tracks.map((t) => [t.userid, t.fullname || t.username]));
  const deleteForms = input.canDelete
    ? [...learners]
        .map(
          ([
            userid,
            name,
          ]) => `<form method="post" action="${escapeHtml(action)}">${hidden("sesskey", input.sesskey)}
${hidden("action", "delete")}${hidden("user", userid)}
<button type="submit" data-delete-learner="${userid}">Delete all attempts of ${escapeHtml(name)}</button></form>`,
        )
        .join("") +
      `<form method="post" action="${escapeHtml(action)}">${hidden("sesskey", input.sesskey)}${hidden("action", "delete")}
${hidden("all", 1)}<button type="submit" id="esb-delete-all">Delete all attempts</button></form>`
    : "";
  const rows = input.tracks
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.fullname)}</td><td>${escapeHtml(t.username)}</td><td>${t.attempt}</td><td>${escapeHtml(t.sco)}</td><td>${escapeHtml(t.element)}</td><td>${escapeHtml(t.value)}</td><td>${escapeHtml(userdate(t.timemodified))}</td></tr>`,
    )
    .join("");
  return page(
    "SCORM report",
    `<h1>SCORM report</h1>
<p><a id="esb-download" href="${escapeHtml(`${action}&download=CSV`)}">Download in text format</a></p>
${deleteForms}
<table id="esb-report"><thead><tr><th>Name</th><th>Username</th><th>Attempt</th><th>SCO</th><th>Element</th><th>Value</th><th>Last modified</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}

export function courseResetPage(courseid: number, sesskey: string): string {
  return page(
    "Reset course",
    `<h1>Reset course</h1><form method="post" action="/course/reset.php">${hidden("id", courseid)}${hidden("sesskey", sesskey)}
<label><input type="checkbox" name="reset_scorm" value="1" checked> All SCORM attempts</label>
<button type="submit" id="esb-reset-course">Reset course</button></form>`,
  );
}

const dashboardRow = (r: DashboardRow): string =>
  `<tr data-key="${r.userid}:${r.scoid}"><td data-col="fullname">${escapeHtml(r.fullname)}</td><td data-col="username">${escapeHtml(r.username)}</td><td data-col="sco">${escapeHtml(r.sco)}</td><td data-col="attempt">${r.attempt}</td><td data-col="status">${escapeHtml(r.status)}</td><td data-col="score">${escapeHtml(r.score)}</td></tr>`;

export function dashboardPage(cmid: number, rows: readonly DashboardRow[], script: string): string {
  return page(
    "Live dashboard",
    `<h1>Live dashboard</h1>
<table id="esb-dashboard" data-events="${escapeHtml(`/local/externalscormbridge/dashboard-events.php?id=${cmid}`)}">
<thead><tr><th>Learner</th><th>Username</th><th>SCO</th><th>Attempt</th><th>Status</th><th>Score</th></tr></thead>
<tbody>${rows.map(dashboardRow).join("")}</tbody></table>
<script src="${escapeHtml(script)}"></script>`,
  );
}
