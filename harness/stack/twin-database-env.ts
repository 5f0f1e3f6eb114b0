// The twin's database as the environment chooses it: ESB_TWIN_MYSQL_URL (mysql://user:password@host:port/prefix)
// puts the twin's tables on that MySQL/MariaDB server, a fresh database per stack; unset or empty, embedded SQLite.
import type { TwinDatabaseOptions } from "../../moodle-stack/twin/db.ts";

export const TWIN_MYSQL_URL_VARIABLE = "ESB_TWIN_MYSQL_URL";

export function twinDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): TwinDatabaseOptions | undefined {
  const url = env[TWIN_MYSQL_URL_VARIABLE]?.trim();
  return url ? { mysqlUrl: url } : undefined;
}
