// scorm-again's CrossFrame on the LMS page: a full scorm-again runtime seeded from the plugin's launch answer,
// CrossFrameLMS answering the frame, and each Commit/Terminate sent to the plugin once, fire and forget, the way
// cross-frame integrations are usually wired. Part of the `scorm-again-crossframe` comparison bridge.
import * as crossFrameLms from "scorm-again/cross-frame-lms";
import * as scorm12 from "scorm-again/scorm12";
import * as scorm2004 from "scorm-again/scorm2004";
import { readPlayerConfig } from "../../../bridge/lms/config.ts";
import { showMessage } from "../../../bridge/lms/learner-messages.ts";
import { LmsApiClient } from "../../../bridge/lms/lms-api-client.ts";
import type { Op } from "../../../bridge/protocol/messages.ts";

interface ScormAgainApi {
  loadFromFlattenedJSON(json: Record<string, string>, prefix: string): void;
  on(event: string, callback: (...args: string[]) => void): void;
}
type ApiConstructor = new (settings: Record<string, unknown>) => ScormAgainApi;
type CrossFrameLmsConstructor = new (api: ScormAgainApi, targetOrigin?: string) => object;

const RUNTIMES: Record<"1.2" | "2004", ApiConstructor> = {
  "1.2": (scorm12 as unknown as { Scorm12API: ApiConstructor }).Scorm12API,
  "2004": (scorm2004 as unknown as { Scorm2004API: ApiConstructor }).Scorm2004API,
};
const EVENTS = {
  "1.2": { set: "LMSSetValue.cmi.*", commit: "LMSCommit", finish: "LMSFinish" },
  "2004": { set: "SetValue.cmi.*", commit: "Commit", finish: "Terminate" },
} as const;

async function start(): Promise<void> {
  const config = readPlayerConfig(document);
  const client = new LmsApiClient(config, 10_000);
  const launch = await client.launch();
  const api = new RUNTIMES[launch.version]({ lmsCommitUrl: false, autocommit: false, logLevel: 5 });
  api.loadFromFlattenedJSON(Object.fromEntries(launch.seed.map((r) => [r.element, r.value])), "");
  let seq = 0;
  let pending: Op[] = [];
  const send = (terminate: boolean): void => {
    const ops = pending;
    pending = [];
    client.commit(launch.launchid, ops, terminate).catch(() => undefined);
  };
  const events = EVENTS[launch.version];
  api.on(events.set, (element, value) => pending.push({ seq: ++seq, element: element!, value: value! }));
  api.on(events.commit, () => send(false));
  api.on(events.finish, () => send(true));
  const CrossFrameLMS = (crossFrameLms as unknown as { CrossFrameLMS: CrossFrameLmsConstructor })
    .CrossFrameLMS;
  new CrossFrameLMS(api, launch.cdnorigin);

  const frame = document.createElement("iframe");
  const params = { version: launch.version, scoUrl: launch.scourl, lmsOrigin: window.location.origin };
  frame.src = `${launch.frameurl}#${encodeURIComponent(JSON.stringify(params))}`;
  frame.title = "SCORM content";
  (document.getElementById("esb-player") ?? document.body).replaceChildren(frame);
}

start().catch((error: unknown) => showMessage(document, `The activity could not start: ${String(error)}`));
