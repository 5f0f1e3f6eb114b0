// The twin's commit endpoint under load: one launch, then commits of one op each posted to
// lib/ajax/service.php over HTTPS keep-alive connections by several concurrent clients, as many player pages would.
// The clients run in a child process (commit-load-client.ts), so the load generator does not share the
// server's event loop. A warm-up of unmeasured commits comes first, so that the figure is the sustained rate
// (optimised code on both sides, connections open), not the first seconds of a cold process. Measures commits
// per second and the CPU time per commit of both processes, and checks that the last value by sequence number is
// stored.
import { fork } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { CdnActivity, LmsUser } from "../lms-driver/lms-driver.ts";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import type { CommitLoad, CommitLoadJob, CommitLoadMessage } from "./commit-load-client.ts";
import { serviceCaller } from "./lms-service-call.ts";
import { atLeast, check, info, type Metric } from "./metric.ts";

export interface CommitThroughput {
  /** Unmeasured commits posted first, on the same launch. */
  warmupCommits: number;
  commits: number;
  concurrency: number;
  ms: number;
  perSecond: number;
  lastValueStored: boolean;
  /** CPU time per commit of the server's process and of the load client's (both on this machine's cores). */
  serverCpuMsPerCommit: number;
  clientCpuMsPerCommit: number;
  /** The machine's 1-minute load average as the measured commits began (other work shares the cores). */
  loadAverage: number;
}

const LOAD_CLIENT = fileURLToPath(new URL("./commit-load-client.ts", import.meta.url));

/**
 * Runs the load generator in a child process and waits for its measured load; with it, this (the server's)
 * process's CPU time over the measured commits, from the end of the warm-up.
 */
function runLoadClient(
  job: CommitLoadJob,
): Promise<CommitLoad & { serverCpuMs: number; loadAverage: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(LOAD_CLIENT, [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let serverCpu = process.cpuUsage();
    let loadAverage = os.loadavg()[0]!;
    child.on("message", (message: CommitLoadMessage) => {
      if ("warmedUp" in message) {
        loadAverage = os.loadavg()[0]!;
        serverCpu = process.cpuUsage();
        child.send("go");
        return;
      }
      const used = process.cpuUsage(serverCpu);
      child.kill();
      if (message.ok)
        resolve({
          ms: message.ms,
          cpuMs: message.cpuMs,
          serverCpuMs: (used.user + used.system) / 1000,
          loadAverage,
        });
      else reject(new Error(`commit load client: ${message.error}`));
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      reject(new Error(`commit load client exited with ${code} before answering`)),
    );
    child.send(job);
  });
}

export async function measureCommitThroughput(
  stack: EmbeddedStack,
  activity: CdnActivity,
  user: LmsUser,
  warmupCommits: number,
  commits: number,
  concurrency: number,
): Promise<CommitThroughput> {
  const twinSession = stack.twin.sessions.create(user.id);
  const session = {
    lmsOrigin: stack.origins.lms,
    sesskey: twinSession.sesskey,
    sessionId: twinSession.id,
    caPem: stack.ca.caPem,
  };
  const caller = serviceCaller(session, 1);
  let launchid: string;
  try {
    const launch = await caller.call("local_externalscormbridge_launch", {
      cmid: activity.cmid,
      scoid: activity.scoes[0]!.id,
    });
    launchid = String(launch.launchid);
  } finally {
    caller.close();
  }
  const load = await runLoadClient({ session, launchid, warmupCommits, commits, concurrency });
  const tracks = stack.twin.query(
    `SELECT v.value FROM mdl_scorm_scoes_value v JOIN mdl_scorm_element e ON e.id = v.elementid
      JOIN mdl_scorm_attempt a ON a.id = v.attemptid
     WHERE a.userid = ? AND a.scormid = ? AND e.element = 'cmi.location'`,
    [user.id, activity.scormid],
  );
  return {
    warmupCommits,
    commits,
    concurrency,
    ms: load.ms,
    perSecond: (commits / load.ms) * 1000,
    lastValueStored: tracks.length === 1 && tracks[0]!.value === `commit ${warmupCommits + commits}`,
    serverCpuMsPerCommit: load.serverCpuMs / commits,
    clientCpuMsPerCommit: load.cpuMs / commits,
    loadAverage: load.loadAverage,
  };
}

export function commitThroughputMetrics(t: CommitThroughput): Metric[] {
  return [
    atLeast("twin commits per second", t.perSecond, "commits/s", 2000, ">= 2000 commits/s"),
    info(`twin commits (${t.concurrency} clients)`, t.commits, "commits"),
    info("twin commits before measuring (warm-up)", t.warmupCommits, "commits"),
    check("twin last commit stored", t.lastValueStored),
    info("twin server CPU per commit (HTTPS)", t.serverCpuMsPerCommit, "ms"),
    info("load client CPU per commit", t.clientCpuMsPerCommit, "ms"),
    info("load average (1 min) as the measured commits began", t.loadAverage, ""),
  ];
}
