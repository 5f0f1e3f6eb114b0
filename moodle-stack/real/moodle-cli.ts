// Runs the PHP CLI scripts of moodle-stack/real against a real Moodle (each boot costs ~0.3 s, so the driver
// batches its writes into one driver-ops.php run where it can).
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** This folder: the PHP CLI scripts the driver runs. */
export const REAL_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface MoodleCli {
  moodleDir: string;
  env: NodeJS.ProcessEnv;
  php?: string;
  /**
   * A Moodle in a container (moodle-stack/containers/moodle-container.ts): the scripts run there with
   * `docker exec` as the web server's user, from the folder this project's scripts were copied to; `moodleDir` is
   * then the codebase's path inside the container.
   */
  container?: { id: string; user: string; scriptsDir: string };
}

/** The command line that runs one of this folder's scripts for `cli`. */
export function moodleScriptCommand(cli: MoodleCli, script: string, args: string[]): [string, string[]] {
  if (!cli.container) return [cli.php ?? "php", [path.join(REAL_DIR, script), cli.moodleDir, ...args]];
  const { id, user, scriptsDir } = cli.container;
  return ["docker", ["exec", "-i", "-u", user, id, "php", `${scriptsDir}/${script}`, cli.moodleDir, ...args]];
}

/** stdout of `php moodle-stack/real/<script> <moodle dir> ...args`, with `stdin` written to it. */
export function runMoodleScript(
  cli: MoodleCli,
  script: string,
  args: string[] = [],
  stdin = "",
): Promise<string> {
  const [command, argv] = moodleScriptCommand(cli, script, args);
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      argv,
      { env: cli.env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${script} failed: ${error.message}\n${stderr}\n${stdout}`.trim()));
        else resolve(stdout);
      },
    );
    child.stdin?.end(stdin);
  });
}

/** One driver-ops.php operation's answer. */
export type OperationAnswer = { ok: unknown } | { error: string; reason: string };

/** A driver-ops.php operation refused or failed: its code ("exception" for a PHP error) and reason. */
export class MoodleOperationFailed extends Error {
  constructor(
    readonly op: string,
    readonly code: string,
    readonly reason: string,
  ) {
    super(`Moodle refused ${op} (${code}): ${reason}`);
    this.name = "MoodleOperationFailed";
  }
}

/** The value of the answer to `op`, or its failure thrown as MoodleOperationFailed. */
export function operationValue(op: string, answer: OperationAnswer | undefined): unknown {
  if (!answer) throw new MoodleOperationFailed(op, "no-answer", "driver-ops.php gave no answer");
  if ("error" in answer) throw new MoodleOperationFailed(op, answer.error, answer.reason);
  return answer.ok;
}

/** Runs operations in one PHP boot; one answer each, in order. */
export async function runOperations(
  cli: MoodleCli,
  operations: Array<{ op: string } & Record<string, unknown>>,
): Promise<OperationAnswer[]> {
  const out = await runMoodleScript(cli, "driver-ops.php", [], JSON.stringify(operations));
  const answers = JSON.parse(out.trim().split("\n").pop() ?? "[]") as OperationAnswer[];
  if (answers.length !== operations.length)
    throw new Error(`driver-ops.php answered ${answers.length} of ${operations.length} operations: ${out}`);
  return answers;
}

/** One operation in its own PHP boot; its value, or its failure thrown. */
export async function runOperation(
  cli: MoodleCli,
  operation: { op: string } & Record<string, unknown>,
): Promise<unknown> {
  const [answer] = await runOperations(cli, [operation]);
  return operationValue(operation.op, answer);
}
