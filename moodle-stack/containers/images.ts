// The containers stack's image names: the Debian base built by build-images.ts, and which MySQL image the stack
// runs: ESB_MYSQL_IMAGE when set; else the locally built esb-mariadb when it exists (no registry); else mysql:8.4.
export const BASE_IMAGE = "esb-debian-base";
export const MARIADB_IMAGE = "esb-mariadb";
/** Apache + PHP 8.2 from Debian (images/debian-php), and a Moodle codebase on it (images/moodle). */
export const PHP_IMAGE = "esb-debian-php";
export const MOODLE_IMAGE = "esb-moodle";
export const DEFAULT_MYSQL_IMAGE = "mysql:8.4";

/** The MySQL-compatible image the containers stack starts. */
export function mysqlImage(
  localImageExists: (tag: string) => boolean,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (env.ESB_MYSQL_IMAGE) return env.ESB_MYSQL_IMAGE;
  return localImageExists(MARIADB_IMAGE) ? MARIADB_IMAGE : DEFAULT_MYSQL_IMAGE;
}
