// The web services a Moodle plugin declares, as its own PHP builds them: runs describe-external-functions.php
// with the PHP CLI (null when there is no PHP CLI).
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type ExternalShape =
  | { kind: "value"; type: string; required: boolean; default?: unknown }
  | { kind: "object"; fields: Record<string, ExternalShape>; required: boolean }
  | { kind: "list"; of: ExternalShape; required: boolean };

export interface ExternalFunction {
  classname: string;
  methodname: string;
  ajax: boolean;
  type: string | null;
  capabilities: string;
  parameters: Extract<ExternalShape, { kind: "object" }>;
  returns: ExternalShape;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PLUGIN_DIR = path.join(HERE, "../plugin/local/externalscormbridge");
export const PLUGIN_COMPONENT = "local_externalscormbridge";

/** The PHP CLI to use (ESB_PHP or `php` on the PATH), or null when none runs. */
export function phpCli(): string | null {
  const php = process.env.ESB_PHP ?? "php";
  return spawnSync(php, ["-v"], { stdio: "ignore" }).status === 0 ? php : null;
}

export function describePluginFunctions(
  php: string,
  pluginDir = PLUGIN_DIR,
): Record<string, ExternalFunction> {
  const out = execFileSync(
    php,
    [path.join(HERE, "describe-external-functions.php"), pluginDir, PLUGIN_COMPONENT],
    { encoding: "utf8" },
  );
  return JSON.parse(out) as Record<string, ExternalFunction>;
}
