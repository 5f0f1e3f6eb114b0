// Where the real-Moodle stack's Moodle runs (moodle-stack.ts): started once the stack knows its origins, it serves
// Moodle on a loopback port the stack's TLS reverse proxy forwards lms.test to, and gives the PHP CLI the driver
// runs its scripts with. Two kinds: `php -S` around a codebase on this machine (php-moodle-backend.ts) and a
// Moodle container beside a MySQL container (moodle-stack/containers/moodle-container.ts).
import type { MoodleCli } from "../../moodle-stack/real/moodle-cli.ts";

/** What the stack hands a backend: the origin the browser uses, Moodle's outgoing proxy and the run CA. */
export interface MoodleRun {
  /** https://lms.test:<proxy port>: Moodle's wwwroot. */
  wwwroot: string;
  /** The loopback port of the stack's CONNECT proxy (Moodle's $CFG->proxyhost). */
  httpProxyPort: number;
  caPem: string;
  /** A folder of this run for the backend's files. */
  workDir: string;
  env: NodeJS.ProcessEnv;
}

export interface StartedMoodle {
  cli: MoodleCli;
  /** The loopback port Moodle answers HTTP on. */
  port: number;
  /** For the run's log: where Moodle's code is ("from <folder>", "in container <id>") and how it is served. */
  where: string;
  detail: string;
  close(): Promise<void>;
}

export interface MoodleBackend {
  start(run: MoodleRun): Promise<StartedMoodle>;
}
