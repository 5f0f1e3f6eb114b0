// Turns the harness form's run request into `pnpm conformance` arguments (validated by the CLI's own parser).
import { UsageError } from "../cli/conformance-args.ts";

export interface RunRequest {
  stack?: unknown;
  bridge?: unknown;
  properties?: unknown;
  packages?: unknown;
  runs?: unknown;
  seed?: unknown;
}

const text = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" && typeof value !== "number") throw new UsageError(`${name} must be text`);
  const s = String(value).trim();
  if (s.length > 2000) throw new UsageError(`${name} is too long`);
  return s === "" ? undefined : s;
};

export function runArgs(request: RunRequest): string[] {
  if (typeof request !== "object" || request === null)
    throw new UsageError("the request must be a JSON object");
  const args: string[] = [];
  const add = (option: string, value: string | undefined): void => {
    // "--name=value": a value starting with a dash stays a value, never another option.
    if (value !== undefined) args.push(`--${option}=${value}`);
  };
  add("stack", text(request.stack, "stack"));
  add("bridge", text(request.bridge, "bridge"));
  add("properties", text(request.properties, "properties"));
  add("packages", text(request.packages, "packages"));
  add("runs", text(request.runs, "runs"));
  add("seed", text(request.seed, "seed"));
  args.push("--workers=1");
  return args;
}
