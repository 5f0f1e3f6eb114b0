// scorm-again's CrossFrame as its documentation sets it up, on the CDN side: a CrossFrameAPI proxy posted to the
// LMS page is the SCO's API, and the SCO is nested below it. The LMS page passes the version, the SCO URL and its
// own origin in the fragment. Part of the `scorm-again-crossframe` comparison bridge (prior art, not ours).
import * as crossFrameApi from "scorm-again/cross-frame-api";

type CrossFrameApiConstructor = new (targetOrigin?: string, targetWindow?: Window) => object;
const CrossFrameAPI = (crossFrameApi as unknown as { CrossFrameAPI: CrossFrameApiConstructor }).CrossFrameAPI;

interface FrameParams {
  version: "1.2" | "2004";
  scoUrl: string;
  lmsOrigin: string;
}

const params = JSON.parse(decodeURIComponent(window.location.hash.slice(1))) as FrameParams;
const api = new CrossFrameAPI(params.lmsOrigin, window.parent);
(window as unknown as Record<string, unknown>)[params.version === "1.2" ? "API" : "API_1484_11"] = api;
document.getElementById("status")?.replaceChildren();
const sco = document.createElement("iframe");
sco.src = params.scoUrl;
sco.title = "SCORM content";
document.body.append(sco);
