// Whether the containers stack (Moodle, MySQL and mock CDN in Testcontainers) can run here: a Docker engine that
// answers (checked first and fast, so that a machine without one is told so at once), its runner and a docker CLI.
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import { dockerEngineProblem } from "./docker-engine.ts";

export const CONTAINERS_COMPOSE = path.join(
  PROJECT_ROOT,
  "moodle-stack",
  "containers",
  "start-containers-stack.ts",
);

export function containersStackProblem(pathEnv = process.env.PATH ?? ""): string | null {
  const engine = dockerEngineProblem();
  if (engine) return engine;
  if (!existsSync(CONTAINERS_COMPOSE))
    return `it needs ${path.relative(PROJECT_ROOT, CONTAINERS_COMPOSE)}, which this checkout does not have`;
  const docker = pathEnv
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => existsSync(path.join(dir, "docker")));
  if (!docker) return "it needs the docker CLI on PATH";
  return null;
}
