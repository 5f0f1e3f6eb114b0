// The twin's commit handler without HTTP: the same one-op commits the endpoint bench posts, called directly on the
// LMS API (what the endpoint does per request once express has parsed it). With the endpoint's figure it says
// where a commit's time goes: in the twin (this) or in HTTPS and express (the difference).
import type { CdnActivity, LmsUser } from "../lms-driver/lms-driver.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { info, type Metric } from "./metric.ts";

export interface InProcessCommits {
  commits: number;
  ms: number;
  perSecond: number;
}

export function measureInProcessCommits(
  stack: EmbeddedStack,
  activity: CdnActivity,
  user: LmsUser,
  commits: number,
): InProcessCommits {
  const api = stack.twin.api;
  const launch = api.launch(user.id, { cmid: activity.cmid, scoid: activity.scoes[0]!.id });
  const started = performance.now();
  for (let seq = 1; seq <= commits; seq++)
    api.commit(user.id, {
      launchid: launch.launchid,
      ops: [{ seq, element: "cmi.location", value: `commit ${seq}` }],
      terminate: false,
    });
  const ms = performance.now() - started;
  return { commits, ms, perSecond: (commits / ms) * 1000 };
}

export function inProcessCommitMetrics(m: InProcessCommits): Metric[] {
  return [info("twin commits per second, in process (no HTTP)", m.perSecond, "commits/s")];
}
