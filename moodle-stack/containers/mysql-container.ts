// The containers stack's MySQL: a Testcontainers GenericContainer of mysql:8.4 (or ESB_MYSQL_IMAGE, or the
// locally built esb-mariadb, see images.ts) with a random root password, ready once it logs that it listens on
// 3306 and a client connects over TCP inside it. Its URL is the twin's mysqlUrl (root may create databases).
import { randomBytes } from "node:crypto";
import { GenericContainer, Wait, type StartedTestContainer } from "testcontainers";
import { localImageExists, mysqlImage } from "./images.ts";

export const STACK_LABEL = "esb.stack";
const STARTUP_TIMEOUT_MS = 180_000;

export interface RunningMysql {
  image: string;
  /** mysql://root:<password>@<host>:<port>/esbtwin, as the twin's `database.mysqlUrl` takes it. */
  url: string;
  stop(): Promise<void>;
}

/** Testcontainers' settings for a local engine without a registry (no Ryuk image to pull; ports on localhost). */
export function localEngineDefaults(env: NodeJS.ProcessEnv = process.env): void {
  const local = !env.DOCKER_HOST || env.DOCKER_HOST.startsWith("unix://");
  if (!local) return;
  env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
  env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";
}

export async function startMysqlContainer(): Promise<RunningMysql> {
  localEngineDefaults();
  const image = mysqlImage(localImageExists);
  const password = randomBytes(12).toString("hex");
  let container: StartedTestContainer;
  try {
    container = await new GenericContainer(image)
      .withEnvironment({ MYSQL_ROOT_PASSWORD: password })
      .withExposedPorts(3306)
      // A throw-away database: its files in memory, so DDL-heavy work (a Moodle install) is not bound by fsync.
      .withTmpFs({ "/var/lib/mysql": "rw,size=4g" })
      .withLabels({ [STACK_LABEL]: "containers" })
      .withWaitStrategy(
        Wait.forAll([
          Wait.forLogMessage(/port: 3306\s/),
          Wait.forSuccessfulCommand(`mysql -h 127.0.0.1 -P 3306 -uroot -p${password} -e 'SELECT 1'`),
        ]),
      )
      .withStartupTimeout(STARTUP_TIMEOUT_MS)
      .start();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The MySQL container (${image}) did not start: ${why}. Without a registry, build esb-mariadb with ` +
        "`npx tsx moodle-stack/containers/build-images.ts`, or set ESB_MYSQL_IMAGE to an image the engine has.",
      { cause: error },
    );
  }
  const url = `mysql://root:${password}@${container.getHost()}:${container.getMappedPort(3306)}/esbtwin`;
  return { image, url, stop: async () => void (await container.stop({ timeout: 5_000 })) };
}
