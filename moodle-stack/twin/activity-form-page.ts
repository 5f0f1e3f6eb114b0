// The "CDN URL" activity form (course/modedit.php?add=scorm): name and CDN URL, the sesskey, and an error shown
// next to the field it concerns. Every value is escaped.
import { escapeHtml } from "./html.ts";

export interface ActivityFormInput {
  courseid: number;
  sesskey: string;
  name: string;
  cdnurl: string;
  /** The refusal to show next to the CDN URL field. */
  error?: { code: string; reason: string };
  /** The refusal of the whole form (no permission, missing name). */
  alert?: string;
}

export function activityFormPage(input: ActivityFormInput): string {
  const invalid = input.error
    ? ` aria-invalid="true" aria-describedby="id_error_cdnurl"`
    : ` aria-describedby="id_help_cdnurl"`;
  const error = input.error
    ? `<div class="invalid-feedback" id="id_error_cdnurl" data-code="${escapeHtml(input.error.code)}">${escapeHtml(input.error.reason)}</div>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Adding a new SCORM package</title>
<style>body{font-family:sans-serif;margin:1em}.invalid-feedback{color:#a00}label{display:block;margin:.5em 0}</style></head>
<body><h1>Adding a new SCORM package</h1>${input.alert ? `<p role="alert" id="esb-form-alert">${escapeHtml(input.alert)}</p>` : ""}
<form method="post" action="/course/modedit.php" id="mform1" novalidate>
<input type="hidden" name="course" value="${input.courseid}">
<input type="hidden" name="add" value="scorm">
<input type="hidden" name="sesskey" value="${escapeHtml(input.sesskey)}">
<label for="id_name">Name</label><input id="id_name" name="name" value="${escapeHtml(input.name)}" maxlength="255">
<label for="id_cdnurl">CDN URL (imsmanifest.xml)</label>
<input id="id_cdnurl" name="cdnurl" type="text" value="${escapeHtml(input.cdnurl)}"${invalid}>
<p id="id_help_cdnurl">An https: URL of the package's imsmanifest.xml, on a CDN that also serves the bridge frame page.</p>
${error}
<button type="submit" id="id_submitbutton">Save and display</button>
</form></body></html>`;
}

export function activityCreatedPage(cmid: number, name: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(name)}</title></head>
<body><h1>${escapeHtml(name)}</h1><p id="esb-created" data-cmid="${cmid}">The activity was created.</p></body></html>`;
}
