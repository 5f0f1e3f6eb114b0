// The containers stack: MySQL in a container (moodle-stack/containers/mysql-container.ts) with the Moodle twin's
// tables on it, a fresh database per stack, and the mock CDN in a container of its own
// (moodle-stack/containers/mock-cdn-container.ts), driven over its control API. The twin and the attacker site
// run in this process, as in the embedded stack.
import { startMockCdnContainer } from "../../moodle-stack/containers/mock-cdn-container.ts";
import { startMysqlContainer } from "../../moodle-stack/containers/mysql-container.ts";
import { startEmbeddedStack, type EmbeddedStack, type EmbeddedStackOptions } from "./embedded-stack.ts";

export interface ContainersStack extends EmbeddedStack {
  /** The MySQL image the twin's tables are on. */
  mysqlImage: string;
}

export async function startContainersStack(
  options: Omit<EmbeddedStackOptions, "database" | "cdnSite">,
): Promise<ContainersStack> {
  const mysql = await startMysqlContainer();
  let stack: EmbeddedStack;
  try {
    stack = await startEmbeddedStack({
      ...options,
      database: { mysqlUrl: mysql.url },
      cdnSite: startMockCdnContainer,
    });
  } catch (error) {
    await mysql.stop();
    throw error;
  }
  const where = new URL(mysql.url);
  process.stdout.write(`containers stack: the twin's tables on ${mysql.image} at ${where.host}\n`);
  return {
    ...stack,
    mysqlImage: mysql.image,
    async close() {
      try {
        await stack.close();
      } finally {
        await mysql.stop();
      }
    },
  };
}
