// The twin's commit endpoint under load: one launch, then commits of one op each posted to
// lib/ajax/service.php over HTTPS keep-alive connections by several concurrent clients, as many player pages would.
// Measures commits per second and checks that the last value by sequence number is the one stored.
import https from "node:https";
import type { CdnActivity, LmsUser } from "../lms-driver/lms-driver.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { siteLookup } from "../stack/site-lookup.ts";
import { atLeast, check, info, type Metric } from "./metric.ts";

export interface CommitThroughput {
  commits: number;
  concurrency: number;
  ms: number;
  perSecond: number;
  lastValueStored: boolean;
}

export async function measureCommitThroughput(
  stack: EmbeddedStack,
  activity: CdnActivity,
  user: LmsUser,
  commits: number,
  concurrency: number,
): Promise<CommitThroughput> {
  const session = stack.twin.sessions.create(user.id);
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: concurrency,
    ca: stack.ca.caPem,
    lookup: siteLookup,
  });
  const call = (methodname: string, args: Record<string, unknown>): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const url = `${stack.origins.lms}/lib/ajax/service.php?sesskey=${session.sesskey}&info=${methodname}`;
      const request = https.request(
        url,
        {
          method: "POST",
          agent,
          headers: { cookie: `MoodleSession=${session.id}`, "content-type": "application/json" },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const answer = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Array<
              Record<string, unknown>
            >;
            if (!answer[0] || answer[0].error)
              reject(new Error(`${methodname} failed: ${JSON.stringify(answer)}`));
            else resolve(answer[0].data as Record<string, unknown>);
          });
          res.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(JSON.stringify([{ index: 0, methodname, args }]));
    });
  try {
    const launch = await call("local_externalscormbridge_launch", {
      cmid: activity.cmid,
      scoid: activity.scoes[0]!.id,
    });
    const launchid = String(launch.launchid);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < commits) {
          const seq = ++next;
          const ops = [{ seq, element: "cmi.location", value: `commit ${seq}` }];
          await call("local_externalscormbridge_commit", { launchid, ops, terminate: false });
        }
      }),
    );
    const ms = performance.now() - started;
    const tracks = stack.twin.query(
      `SELECT v.value FROM mdl_scorm_scoes_value v JOIN mdl_scorm_element e ON e.id = v.elementid
        JOIN mdl_scorm_attempt a ON a.id = v.attemptid
       WHERE a.userid = ? AND a.scormid = ? AND e.element = 'cmi.location'`,
      [user.id, activity.scormid],
    );
    return {
      commits,
      concurrency,
      ms,
      perSecond: (commits / ms) * 1000,
      lastValueStored: tracks.length === 1 && tracks[0]!.value === `commit ${commits}`,
    };
  } finally {
    agent.destroy();
  }
}

export function commitThroughputMetrics(t: CommitThroughput): Metric[] {
  return [
    atLeast("twin commits per second", t.perSecond, "commits/s", 2000, ">= 2000 commits/s"),
    info(`twin commits (${t.concurrency} clients)`, t.commits, "commits"),
    check("twin last commit stored", t.lastValueStored),
  ];
}
