// mod/scorm/view.php's page on the twin: the activity's name, the learner's attempt status (as
// scorm_get_attempt_status prints it when displayattemptstatus is on) and the launch form of scorm_print_launch:
// Enter opens player.php for the activity's first SCO with mode, scoid, cm and currentorg, and "Start a new
// attempt" (newattempt=on) is offered once the last attempt is complete and the attempt limit allows another.
// Every dynamic value is escaped.
import { escapeHtml } from "./html.ts";
import { layout } from "./pages.ts";

export interface ViewPageInput {
  name: string;
  cmid: number;
  /** The SCO Enter opens (the activity's first launchable SCO) and its organisation. */
  scoid: number;
  currentorg: string;
  /** 0 = unlimited. */
  maxattempt: number;
  attemptsMade: number;
  showAttemptStatus: boolean;
  offerNewAttempt: boolean;
}

function attemptStatus(input: ViewPageInput): string {
  if (!input.showAttemptStatus) return "";
  const allowed = input.maxattempt === 0 ? "Unlimited" : String(input.maxattempt);
  return `<ul id="esb-attempt-status"><li>Number of attempts allowed: ${escapeHtml(allowed)}</li>
<li>Number of attempts you have made: ${escapeHtml(String(input.attemptsMade))}</li></ul>`;
}

export function viewPage(input: ViewPageInput): string {
  const hidden = (name: string, value: string) =>
    `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
  const newAttempt = input.offerNewAttempt
    ? `<label><input type="checkbox" name="newattempt" value="on" id="a-newattempt"> Start a new attempt</label>`
    : "";
  return layout(
    input.name,
    `<main><h1>${escapeHtml(input.name)}</h1>${attemptStatus(input)}
<form id="scormviewform" method="get" action="/mod/scorm/player.php">
${hidden("mode", "normal")}${hidden("scoid", String(input.scoid))}${hidden("cm", String(input.cmid))}${hidden("currentorg", input.currentorg)}
${newAttempt}
<button type="submit" id="n">Enter</button></form></main>`,
  );
}
