// The containers stack's image names: the Debian base built by build-images.ts, and which images the stack runs:
// for MySQL, ESB_MYSQL_IMAGE when set; else the locally built esb-mariadb when it exists (no registry); else
// mysql:8.4. For the mock CDN likewise: ESB_MOCK_CDN_IMAGE; else esb-mock-cdn when built; else Node's own image.
import { spawnSync } from "node:child_process";

export const BASE_IMAGE = "esb-debian-base";
export const MARIADB_IMAGE = "esb-mariadb";
/** Apache + PHP 8.2 from Debian (images/debian-php), and a Moodle codebase on it (images/moodle). */
export const PHP_IMAGE = "esb-debian-php";
export const MOODLE_IMAGE = "esb-moodle";
export const DEFAULT_MYSQL_IMAGE = "mysql:8.4";
/** Node from Debian on the base (images/mock-cdn), which runs the bundled mock CDN. */
export const MOCK_CDN_IMAGE = "esb-mock-cdn";
export const DEFAULT_MOCK_CDN_IMAGE = "node:20-bookworm-slim";

export type ImageExists = (tag: string) => boolean;

/** Whether the local Docker engine has an image with this tag. */
export const localImageExists: ImageExists = (tag) =>
  spawnSync("docker", ["image", "inspect", tag], { stdio: "ignore" }).status === 0;

function chosenImage(
  configured: string | undefined,
  local: string,
  fallback: string,
  exists: ImageExists,
): string {
  if (configured) return configured;
  return exists(local) ? local : fallback;
}

/** The MySQL-compatible image the containers stack starts. */
export function mysqlImage(exists: ImageExists, env: NodeJS.ProcessEnv = process.env): string {
  return chosenImage(env.ESB_MYSQL_IMAGE, MARIADB_IMAGE, DEFAULT_MYSQL_IMAGE, exists);
}

/** The image the containers stack runs the mock CDN in (any with Node 18+ on PATH). */
export function mockCdnImage(exists: ImageExists, env: NodeJS.ProcessEnv = process.env): string {
  return chosenImage(env.ESB_MOCK_CDN_IMAGE, MOCK_CDN_IMAGE, DEFAULT_MOCK_CDN_IMAGE, exists);
}
