// Starts `pnpm conformance` as a child process for the harness, one run at a time, and turns its output into
// events: every line, each "progress:" line parsed, and the exit.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import { parseProgressLine, type ProgressEvent } from "../reporting/progress-reporter.ts";
import type { RunMeta, RunStore } from "./run-store.ts";

export type RunEvent =
  | { type: "started"; run: RunMeta }
  | { type: "log"; runId: string; line: string }
  | ({ type: "progress"; runId: string } & ProgressEvent)
  | { type: "finished"; run: RunMeta };

export class RunLauncher {
  private child: ChildProcess | null = null;

  constructor(
    private readonly store: RunStore,
    private readonly emit: (event: RunEvent) => void,
  ) {}

  get busy(): boolean {
    return this.child !== null;
  }

  async start(args: string[], bridge: string): Promise<RunMeta> {
    if (this.child) throw new Error("a run is already in progress");
    const run: RunMeta = {
      id: this.store.newId(),
      args,
      bridge,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      exitCode: null,
    };
    await this.store.save(run);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "harness/cli/conformance.ts", ...args, "--reports-dir", this.store.dir(run.id)],
      { cwd: PROJECT_ROOT, env: { ...process.env, ESB_MODE: "" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child = child;
    this.emit({ type: "started", run });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        this.emit({ type: "log", runId: run.id, line });
        const progress = parseProgressLine(line);
        if (progress) this.emit({ type: "progress", runId: run.id, ...progress });
      });
    }
    child.on("exit", (code, signal) => {
      this.child = null;
      const finished = { ...run, finishedAt: new Date().toISOString(), exitCode: code ?? (signal ? 3 : 1) };
      void this.store.save(finished).then(() => this.emit({ type: "finished", run: finished }));
    });
    return run;
  }

  stop(): void {
    this.child?.kill("SIGTERM");
  }
}
