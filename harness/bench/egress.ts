// Egress: bytes the LMS origin and the CDN served during one learner session of the media package, counted
// from each site's request log since just before the session opened.
import type { LoggedRequest, RequestLog } from "../cdn/request-log.ts";
import type { BenchWorld } from "./bench-world.ts";
import { atMost, info, type Metric } from "./metric.ts";
import { MEDIA_PATH, type MediaPackage } from "./media-package.ts";
import { pollUntil } from "./poll.ts";
import { assertAllTrue } from "./sco-calls.ts";
import { latestLaunch } from "./twin-reads.ts";

export interface EgressResult {
  packageBytes: number;
  mediaFetchedBytes: number;
  lmsBytes: number;
  cdnBytes: number;
  lmsPercentOfPackage: number;
  lmsRequests: Array<Pick<LoggedRequest, "method" | "url" | "status" | "bytes">>;
  cdnRequests: number;
}

const since = (log: RequestLog, mark: number): LoggedRequest[] => log.entries.slice(mark);
const sum = (entries: LoggedRequest[]): number => entries.reduce((s, e) => s + e.bytes, 0);

export async function measureEgress(world: BenchWorld, pkg: MediaPackage): Promise<EgressResult> {
  const { stack } = world;
  const lmsMark = stack.lmsLog.entries.length;
  const cdnMark = stack.cdnLog.entries.length;
  const { user, session } = await world.newLearnerSession(pkg.activity);
  let mediaFetchedBytes: number;
  try {
    assertAllTrue(
      await session.probe.run([
        ["Initialize", ""],
        ["SetValue", "cmi.location", "media-start"],
        ["Commit", ""],
      ]),
      "Media session start",
    );
    mediaFetchedBytes = await session.probe.frame.evaluate(
      (url) =>
        fetch(url)
          .then((r) => r.arrayBuffer())
          .then((b) => b.byteLength),
      MEDIA_PATH,
    );
    assertAllTrue(
      await session.probe.run([
        ["SetValue", "cmi.location", "media-end"],
        ["SetValue", "cmi.completion_status", "completed"],
        ["Terminate", ""],
      ]),
      "Media session end",
    );
    const ended = await pollUntil(() => {
      const launch = latestLaunch(stack, pkg.activity, user);
      return launch && launch.terminated === 1 ? launch : undefined;
    }, 10_000);
    if (!ended) throw new Error("The media session's Terminate never reached the LMS");
  } finally {
    await session.close();
  }
  if (mediaFetchedBytes !== pkg.mediaBytes) {
    throw new Error(`The SCO fetched ${mediaFetchedBytes} media bytes, expected ${pkg.mediaBytes}`);
  }
  // Let any response still finishing land in the logs.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const lmsEntries = since(stack.lmsLog, lmsMark);
  const cdnEntries = since(stack.cdnLog, cdnMark);
  const lmsBytes = sum(lmsEntries);
  return {
    packageBytes: pkg.packageBytes,
    mediaFetchedBytes,
    lmsBytes,
    cdnBytes: sum(cdnEntries),
    lmsPercentOfPackage: (100 * lmsBytes) / pkg.packageBytes,
    lmsRequests: lmsEntries.map(({ method, url, status, bytes }) => ({ method, url, status, bytes })),
    cdnRequests: cdnEntries.length,
  };
}

const MIB = 1024 * 1024;

export function egressMetrics(r: EgressResult): Metric[] {
  return [
    info("egress package size", r.packageBytes / MIB, "MiB"),
    info("egress LMS bytes", r.lmsBytes / 1024, "KiB"),
    info("egress CDN bytes", r.cdnBytes / MIB, "MiB"),
    atMost("egress LMS % of package", r.lmsPercentOfPackage, "%", 1, "<= 1 %"),
  ];
}
