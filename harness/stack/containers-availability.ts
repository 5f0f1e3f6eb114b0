// Whether the containers stack (real Moodle in containers) can run here: its compose file and a docker CLI.
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";

export const CONTAINERS_COMPOSE = path.join(PROJECT_ROOT, "moodle-stack", "containers", "compose.yaml");

export function containersStackProblem(pathEnv = process.env.PATH ?? ""): string | null {
  if (!existsSync(CONTAINERS_COMPOSE))
    return `it needs ${path.relative(PROJECT_ROOT, CONTAINERS_COMPOSE)}, which this checkout does not have`;
  const docker = pathEnv
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => existsSync(path.join(dir, "docker")));
  if (!docker) return "it needs the docker CLI on PATH";
  return null;
}
