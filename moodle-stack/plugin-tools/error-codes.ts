// The error codes each side of the LMS API can answer with, read from the source: the twin's `LmsApiError`
// codes (its LMS API and the access rules it imports), and the plugin's Moodle exceptions.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Moodle core calls and exception classes the plugin uses, with the error code Moodle answers for them. */
export const MOODLE_CORE_REFUSALS: Record<string, string> = {
  "invalid_parameter_exception(": "invalidparameter",
  "require_login(": "requireloginerror",
  "require_capability(": "nopermissions",
};

/**
 * Codes the twin's LMS API answers that Moodle's own ajax layer produces before (or around) a plugin's function:
 * an unknown method name, an exception that is not a moodle_exception, a user without a live session.
 */
export const MOODLE_AJAX_LAYER_CODES = new Set([
  "servicenotavailable",
  "generalexceptionmessage",
  "invaliduser",
]);

const TWIN_ERROR = /new LmsApiError\(\s*"([a-z_]+)"/g;
const RELATIVE_IMPORT = /import\s*\{([^}]*)\}\s*from\s*"(\.\/[^"]+)"/g;

/** LmsApiError codes of a twin module and of the modules it imports access rules (`require…`) from. */
export function twinErrorCodes(lmsApiFile: string): Set<string> {
  const source = readFileSync(lmsApiFile, "utf8");
  const files = [lmsApiFile];
  for (const [, names = "", from = ""] of source.matchAll(RELATIVE_IMPORT))
    if (/\brequire[A-Z]\w*/.test(names)) files.push(path.join(path.dirname(lmsApiFile), from));
  const codes = new Set<string>();
  for (const file of files)
    for (const [, code = ""] of readFileSync(file, "utf8").matchAll(TWIN_ERROR)) codes.add(code);
  return codes;
}

function phpFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return phpFiles(full);
    return name.endsWith(".php") ? [full] : [];
  });
}

export interface PluginErrorCode {
  code: string;
  /** The component of the error string ("local_externalscormbridge", "error"), or "core" for Moodle's calls. */
  component: string;
}

/** Error codes the plugin's classes can raise: its moodle_exceptions and Moodle core refusals it calls. */
export function pluginErrorCodes(pluginDir: string): PluginErrorCode[] {
  const found = new Map<string, PluginErrorCode>();
  for (const file of phpFiles(path.join(pluginDir, "classes"))) {
    const source = readFileSync(file, "utf8");
    for (const [, code = "", component = ""] of source.matchAll(
      /moodle_exception\('([a-z_]+)',\s*'([a-z_]+)'/g,
    ))
      found.set(code, { code, component });
    for (const [call, code] of Object.entries(MOODLE_CORE_REFUSALS))
      if (source.includes(call)) found.set(code, { code, component: "core" });
  }
  return [...found.values()];
}

/** The string identifiers defined in a plugin's English language file. */
export function langStringIds(pluginDir: string, component: string): Set<string> {
  const source = readFileSync(path.join(pluginDir, "lang/en", `${component}.php`), "utf8");
  return new Set([...source.matchAll(/^\$string\['([^']+)'\]/gm)].map((m) => m[1] ?? ""));
}
