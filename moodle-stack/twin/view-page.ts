// mod/scorm/view.php's page on the twin: the activity's name, the learner's attempt status (as
// scorm_get_attempt_status prints it when displayattemptstatus is on: attempt-status.ts) and the launch form of scorm_print_launch:
// Enter opens player.php for the activity's first SCO with mode, scoid, cm and currentorg, and "Start a new
// attempt" (newattempt=on) is offered once the last attempt is complete and the attempt limit allows another.
// Every dynamic value is escaped.
import type { AttemptStatus } from "./attempt-status.ts";
import { escapeHtml } from "./html.ts";
import { layout } from "./pages.ts";

export interface ViewPageInput {
  name: string;
  cmid: number;
  /** The SCO Enter opens (the activity's first launchable SCO) and its organisation. */
  scoid: number;
  currentorg: string;
  /** scorm_get_attempt_status's lines (attempt-status.ts); null when displayattemptstatus is off. */
  attemptStatus: AttemptStatus | null;
  offerNewAttempt: boolean;
}

function attemptStatusHtml(status: AttemptStatus | null): string {
  if (!status) return "";
  const lines = status.lines.map((line) => escapeHtml(line)).join("<br>");
  const exceeded = status.exceeded ? `<p class="exceededmaxattempts">${escapeHtml(status.exceeded)}</p>` : "";
  return `<div id="esb-attempt-status"><p>${lines}</p>${exceeded}</div>`;
}

export function viewPage(input: ViewPageInput): string {
  const hidden = (name: string, value: string) =>
    `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
  const newAttempt = input.offerNewAttempt
    ? `<label><input type="checkbox" name="newattempt" value="on" id="a-newattempt"> Start a new attempt</label>`
    : "";
  return layout(
    input.name,
    `<main><h1>${escapeHtml(input.name)}</h1>${attemptStatusHtml(input.attemptStatus)}
<form id="scormviewform" method="get" action="/mod/scorm/player.php">
${hidden("mode", "normal")}${hidden("scoid", String(input.scoid))}${hidden("cm", String(input.cmid))}${hidden("currentorg", input.currentorg)}
${newAttempt}
<button type="submit" id="n">Enter</button></form></main>`,
  );
}
