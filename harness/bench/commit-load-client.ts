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

/** The wall time of the load, and the CPU time the load client itself spent (it shares the machine's cores). */
export interface CommitLoad {
  ms: number;
  cpuMs: number;
}

export type CommitLoadResult = ({ ok: true } & CommitLoad) | { ok: false; error: string };

export async function postCommits(job: CommitLoadJob): Promise<CommitLoad> {
  const caller = serviceCaller(job.session, job.concurrency);
  try {
    let next = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
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
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    caller.close();
  }
}

process.once("message", (job: CommitLoadJob) => {
  postCommits(job).then(
    (load) => process.send?.({ ok: true, ...load } satisfies CommitLoadResult),
    (error: unknown) => process.send?.({ ok: false, error: String(error) } satisfies CommitLoadResult),
  );
});
