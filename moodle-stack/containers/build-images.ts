// Builds the containers stack's images without a registry, cached: the Debian base (debootstrap minbase bookworm,
// `docker import`ed as esb-debian-base), esb-mariadb and esb-mock-cdn (Node) on it. An image whose tag exists with the same build-files
// hash is kept; --rebuild builds again. With ESB_MOODLE_DIR (a Moodle codebase) also esb-debian-php (Apache + PHP 8.2)
// and esb-moodle around that codebase, for `--stack containers` with ESB_MOODLE_IMAGE=esb-moodle. With ESB_MYSQL_IMAGE set (e.g. mysql:8.4 from a registry) no MariaDB is
// built (without it, and without esb-mariadb, the stack pulls mysql:8.4); with ESB_MOCK_CDN_IMAGE, no esb-mock-cdn. Needs root (debootstrap) and a Docker engine. Prints one line per image with its time; exit 1 on failure.
//   npx tsx moodle-stack/containers/build-images.ts [--rebuild]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BASE_IMAGE, MARIADB_IMAGE, MOCK_CDN_IMAGE, MOODLE_IMAGE, PHP_IMAGE } from "./images.ts";

const IMAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "images");
const HASH_LABEL = "esb.build-hash";
const SUITE = "bookworm";

function run(command: string, args: string[], options: { input?: string; shell?: boolean } = {}): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`,
    );
  }
  return result.stdout;
}

/** The build-files hash the image carries, or null when there is no image with that tag. */
function imageHash(tag: string): string | null {
  const result = spawnSync(
    "docker",
    ["image", "inspect", "--format", `{{index .Config.Labels "${HASH_LABEL}"}}`, tag],
    {
      encoding: "utf8",
    },
  );
  return result.status === 0 ? result.stdout.trim() : null;
}

function hashOf(parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 16);
}

function contextHash(dir: string, base: string): string {
  const files = readdirSync(dir).sort();
  return hashOf([base, ...files.flatMap((f) => [f, readFileSync(path.join(dir, f), "utf8")])]);
}

async function buildBase(mirror: string, hash: string): Promise<void> {
  const rootfs = await mkdtemp(path.join(os.tmpdir(), "esb-rootfs-"));
  try {
    run("debootstrap", ["--variant=minbase", "--include=ca-certificates", SUITE, rootfs, mirror]);
    run("rm", ["-rf", path.join(rootfs, "var/cache/apt/archives"), path.join(rootfs, "var/lib/apt/lists")]);
    run("mkdir", [
      "-p",
      path.join(rootfs, "var/cache/apt/archives/partial"),
      path.join(rootfs, "var/lib/apt/lists/partial"),
    ]);
    const changes = ['CMD ["bash"]', `LABEL ${HASH_LABEL}=${hash}`, "ENV DEBIAN_FRONTEND=noninteractive"];
    run("bash", [
      "-c",
      `set -o pipefail; tar -C "$1" -c . | docker import ${changes.map((c) => `-c '${c}'`).join(" ")} - "$2"`,
      "import",
      rootfs,
      BASE_IMAGE,
    ]);
  } finally {
    await rm(rootfs, { recursive: true, force: true });
  }
}

function buildFromDockerfile(name: string, tag: string, hash: string): void {
  run("docker", [
    "build",
    "--network",
    "host",
    "--build-arg",
    `BASE=${BASE_IMAGE}`,
    "--label",
    `${HASH_LABEL}=${hash}`,
    "-t",
    tag,
    path.join(IMAGES_DIR, name),
  ]);
}

/**
 * esb-moodle: images/moodle/Dockerfile around the user's Moodle codebase (the build context) on esb-debian-php.
 * Built every time (Docker's layer cache keeps it quick when neither changed).
 */
function buildMoodle(codebase: string): void {
  run("docker", [
    "build",
    "--network",
    "host",
    "--build-arg",
    `BASE=${PHP_IMAGE}`,
    "-f",
    path.join(IMAGES_DIR, "moodle", "Dockerfile"),
    "-t",
    MOODLE_IMAGE,
    codebase,
  ]);
}

async function ensure(
  tag: string,
  hash: string,
  rebuild: boolean,
  build: () => Promise<void> | void,
): Promise<void> {
  if (!rebuild && imageHash(tag) === hash) {
    console.log(`build-images: ${tag}: cached`);
    return;
  }
  const started = Date.now();
  await build();
  console.log(`build-images: ${tag}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(argv: string[]): Promise<number> {
  const rebuild = argv.includes("--rebuild");
  const unknown = argv.filter((a) => a !== "--rebuild");
  if (unknown.length > 0) {
    console.error(`build-images: unknown arguments ${unknown.join(" ")}; usage: build-images.ts [--rebuild]`);
    return 2;
  }
  const codebase = process.env.ESB_MOODLE_DIR;
  if (codebase && !existsSync(path.join(codebase, "version.php"))) {
    console.error(`build-images: ESB_MOODLE_DIR=${codebase} is not a Moodle codebase (no version.php)`);
    return 2;
  }
  if (process.env.ESB_MYSQL_IMAGE && process.env.ESB_MOCK_CDN_IMAGE && !codebase) {
    console.log(
      "build-images: ESB_MYSQL_IMAGE and ESB_MOCK_CDN_IMAGE are set: the stack runs them; nothing to build",
    );
    return 0;
  }
  const mirror = process.env.ESB_DEBIAN_MIRROR || "http://deb.debian.org/debian";
  const baseHash = hashOf([SUITE, mirror, "minbase", "ca-certificates"]);
  await ensure(BASE_IMAGE, baseHash, rebuild, () => buildBase(mirror, baseHash));
  if (!process.env.ESB_MYSQL_IMAGE) {
    const mariadbHash = contextHash(path.join(IMAGES_DIR, "mariadb"), baseHash);
    await ensure(MARIADB_IMAGE, mariadbHash, rebuild, () =>
      buildFromDockerfile("mariadb", MARIADB_IMAGE, mariadbHash),
    );
  }
  if (!process.env.ESB_MOCK_CDN_IMAGE) {
    const mockCdnHash = contextHash(path.join(IMAGES_DIR, "mock-cdn"), baseHash);
    await ensure(MOCK_CDN_IMAGE, mockCdnHash, rebuild, () =>
      buildFromDockerfile("mock-cdn", MOCK_CDN_IMAGE, mockCdnHash),
    );
  }
  if (codebase) {
    const phpHash = contextHash(path.join(IMAGES_DIR, "debian-php"), baseHash);
    await ensure(PHP_IMAGE, phpHash, rebuild, () => buildFromDockerfile("debian-php", PHP_IMAGE, phpHash));
    const started = Date.now();
    buildMoodle(codebase);
    console.log(
      `build-images: ${MOODLE_IMAGE} (from ${codebase}): built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`build-images: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
