// The load generator of the commit-throughput bench, run as its own process (so the twin's server has its
// event loop to itself, as it would behind many browsers): posts `commits` commits of one op each over
// `concurrency` keep-alive connections and reports the wall time to its parent.
import { serviceCaller, type ServiceSession } from "./lms-service-call.ts";

export interface CommitLoadJob {
  session: ServiceSession;
  launchid: string;
  commits: number;
  concurrency: number;
}

export type CommitLoadResult = { ok: true; ms: number } | { ok: false; error: string };

export async function postCommits(job: CommitLoadJob): Promise<number> {
  const caller = serviceCaller(job.session, job.concurrency);
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: job.concurrency }, async () => {
        while (next < job.commits) {
          const seq = ++next;
          const ops = [{ seq, element: "cmi.location", value: `commit ${seq}` }];
          await caller.call("local_externalscormbridge_commit", {
            launchid: job.launchid,
            ops,
            terminate: false,
          });
        }
      }),
    );
    return performance.now() - started;
  } finally {
    caller.close();
  }
}

process.once("message", (job: CommitLoadJob) => {
  postCommits(job).then(
    (ms) => process.send?.({ ok: true, ms } satisfies CommitLoadResult),
    (error: unknown) => process.send?.({ ok: false, error: String(error) } satisfies CommitLoadResult),
  );
});
