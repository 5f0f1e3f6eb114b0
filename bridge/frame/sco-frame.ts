// Nests the SCO in the frame page, refusing any launch URL that is not on the frame's own origin.
export function openSco(scoUrl: string): HTMLIFrameElement {
  const url = new URL(scoUrl, window.location.href);
  if (url.origin !== window.location.origin) {
    throw new Error(`SCO URL ${url.origin} is not on the bridge frame's origin ${window.location.origin}`);
  }
  const iframe = document.createElement("iframe");
  iframe.id = "sco";
  iframe.title = "SCORM content";
  iframe.src = url.href;
  document.body.appendChild(iframe);
  return iframe;
}
