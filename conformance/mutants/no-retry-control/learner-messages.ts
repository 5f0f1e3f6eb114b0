// Mutant: when the content server fails, the learner is told but given no way to try again short of reloading
// the page.
import { showMessage } from "../../../bridge/lms/learner-messages.ts";

export { showDeliveryState, showMessage } from "../../../bridge/lms/learner-messages.ts";

export function showRetry(doc: Document, text: string, _onRetry: () => void): void {
  showMessage(doc, text);
}
