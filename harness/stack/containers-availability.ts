// Whether the containers stack (MySQL in Testcontainers, see start-containers-stack.ts) can run here: a Docker
// engine that answers (checked first and fast, so that a machine without one is told so at once), its runner and a
// docker CLI (to look for locally built images).
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";
import { dockerEngineProblem } from "./docker-engine.ts";

export const CONTAINERS_RUNNER = path.join(PROJECT_ROOT, "harness", "stack", "start-containers-stack.ts");

export function containersStackProblem(pathEnv = process.env.PATH ?? ""): string | null {
  const engine = dockerEngineProblem();
  if (engine) return engine;
  if (!existsSync(CONTAINERS_RUNNER))
    return `it needs ${path.relative(PROJECT_ROOT, CONTAINERS_RUNNER)}, which this checkout does not have`;
  const docker = pathEnv
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => existsSync(path.join(dir, "docker")));
  if (!docker) return "it needs the docker CLI on PATH";
  return null;
}
