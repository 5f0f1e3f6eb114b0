// What the learner sees about saving: nothing while all is well, a notice while retrying, a sign-in prompt
// that keeps the page, and a clear error when the LMS refuses for good. Built with DOM APIs, never markup.
import type { DeliveryState } from "../protocol/messages.ts";

export function showMessage(doc: Document, text: string): void {
  const el = doc.getElementById("esb-message");
  if (!el) return;
  el.replaceChildren();
  el.textContent = text;
  el.dataset.state = text ? "error" : "";
}

/** An error the learner can do something about (the content server failed): the reason and a "Try again" button. */
export function showRetry(doc: Document, text: string, onRetry: () => void): void {
  const el = doc.getElementById("esb-message");
  if (!el) return;
  showMessage(doc, text);
  const button = doc.createElement("button");
  button.type = "button";
  button.id = "esb-retry";
  button.textContent = "Try again";
  button.addEventListener("click", onRetry, { once: true });
  el.append(" ", button);
}

export function showDeliveryState(
  doc: Document,
  state: DeliveryState,
  message: string,
  loginUrl: string,
  onSignedIn: () => void,
): void {
  const el = doc.getElementById("esb-message");
  if (!el) return;
  el.replaceChildren();
  el.dataset.state = state;
  if (state === "ok") return;
  const text = doc.createElement("span");
  text.textContent = message;
  el.appendChild(text);
  if (state !== "signin") return;
  const link = doc.createElement("a");
  link.href = loginUrl;
  link.target = "_blank";
  link.rel = "noopener";
  link.textContent = "Sign in again";
  link.id = "esb-signin";
  const button = doc.createElement("button");
  button.type = "button";
  button.id = "esb-signed-in";
  button.textContent = "I have signed in: continue";
  button.addEventListener("click", onSignedIn);
  el.append(" ", link, " ", button);
}
