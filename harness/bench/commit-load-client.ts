// The load generator of the commit-throughput bench, run as its own process (so the twin's server has its
// event loop to itself, as it would behind many browsers): posts commits of one op each over `concurrency`
// keep-alive connections, first `warmupCommits` of them unmeasured (both processes' code optimised, connections
// open), then `commits` measured ones, and reports the measured wall time and its own CPU time to its parent.
// Every commit is its own: its own sequence number and value, and every answer is checked.
import { serviceCaller, type ServiceCaller, type ServiceSession } from "./lms-service-call.ts";

export interface CommitLoadJob {
  session: ServiceSession;
  launchid: string;
  /** Commits posted before the measured ones (sequence numbers 1..warmupCommits). */
  warmupCommits: number;
  commits: number;
  concurrency: number;
}

/** The wall time of the load, and the CPU time the load client itself spent (it shares the machine's cores). */
export interface CommitLoad {
  ms: number;
  cpuMs: number;
}

/** What the load client tells its parent: warmed up (the parent answers "go"), then the measured load. */
export type CommitLoadMessage =
  { warmedUp: true } | ({ ok: true } & CommitLoad) | { ok: false; error: string };

/** Posts the commits with sequence numbers first..last, `concurrency` in flight at a time. */
async function postRange(
  caller: ServiceCaller,
  launchid: string,
  first: number,
  last: number,
  concurrency: number,
): Promise<void> {
  let next = first;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next <= last) {
        const seq = next++;
        const ops = [{ seq, element: "cmi.location", value: `commit ${seq}` }];
        const answer = await caller.call("local_externalscormbridge_commit", {
          launchid,
          ops,
          terminate: false,
        });
        if (
          !Array.isArray(answer.rejected) ||
          answer.rejected.length > 0 ||
          typeof answer.ackedseq !== "number"
        )
          throw new Error(`commit ${seq} not stored: ${JSON.stringify(answer)}`);
      }
    }),
  );
}

export async function postCommits(job: CommitLoadJob, warmedUp: () => Promise<void>): Promise<CommitLoad> {
  const caller = serviceCaller(job.session, job.concurrency);
  try {
    await postRange(caller, job.launchid, 1, job.warmupCommits, job.concurrency);
    await warmedUp();
    const started = performance.now();
    const cpu = process.cpuUsage();
    await postRange(
      caller,
      job.launchid,
      job.warmupCommits + 1,
      job.warmupCommits + job.commits,
      job.concurrency,
    );
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    caller.close();
  }
}

const send = (message: CommitLoadMessage): void => void process.send?.(message);

process.once("message", (job: CommitLoadJob) => {
  const warmedUp = (): Promise<void> =>
    new Promise((resolve) => {
      process.once("message", () => resolve());
      send({ warmedUp: true });
    });
  postCommits(job, warmedUp).then(
    (load) => send({ ok: true, ...load }),
    (error: unknown) => send({ ok: false, error: String(error) }),
  );
});
