// The Moodle plugin's web services against the twin's LMS API and the bridge's client, both read from their
// source: same method names, parameters, op fields, answer fields and error codes.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEFAULT_BRIDGE_CONFIG } from "../../bridge/protocol/bridge-config.ts";
import { COMMIT_METHOD, LAUNCH_METHOD } from "../../moodle-stack/twin/lms-api.ts";
import {
  PLUGIN_COMPONENT,
  PLUGIN_DIR,
  describePluginFunctions,
  phpCli,
  type ExternalFunction,
  type ExternalShape,
} from "../../moodle-stack/plugin-tools/describe-plugin.ts";
import {
  MOODLE_AJAX_LAYER_CODES,
  langStringIds,
  pluginErrorCodes,
  twinErrorCodes,
} from "../../moodle-stack/plugin-tools/error-codes.ts";

const source = (file: string): string => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
const TWIN_LMS_API = new URL("../../moodle-stack/twin/lms-api.ts", import.meta.url).pathname;

/** The parameters the twin's LMS API accepts for a method (its `<NAME>_PARAMETERS` list). */
function twinParameters(prefix: "LAUNCH" | "COMMIT"): string[] {
  const m = new RegExp(`const ${prefix}_PARAMETERS = \\[([^\\]]*)\\] as const`).exec(
    source("moodle-stack/twin/lms-api.ts"),
  );
  if (!m) throw new Error(`${prefix}_PARAMETERS not found in the twin's LMS API`);
  return [...(m[1] ?? "").matchAll(/"([^"]+)"/g)].map((x) => x[1] ?? "");
}

/** Top-level fields of an exported TypeScript interface, each with its type text. */
function interfaceFields(file: string, name: string): Map<string, string> {
  const m = new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(source(file));
  if (!m) throw new Error(`interface ${name} not found in ${file}`);
  const fields = new Map<string, string>();
  for (const [, field = "", type = ""] of (m[1] ?? "").matchAll(/^ {2}(\w+)\??: (.+);$/gm))
    fields.set(field, type);
  return fields;
}

const objectFields = (shape: ExternalShape): string[] => {
  if (shape.kind !== "object") throw new Error(`expected an object structure, got ${shape.kind}`);
  return Object.keys(shape.fields).sort();
};

const php = phpCli();

function declaredFunction(declared: Record<string, ExternalFunction>, method: string): ExternalFunction {
  const info = declared[method];
  if (!info) throw new Error(`The plugin does not declare ${method}`);
  return info;
}

test.describe("the plugin's declared web services", () => {
  test.skip(
    !php,
    "No PHP CLI (scripts/setup.sh installs Debian's php-cli): the plugin's declarations cannot be read",
  );
  const functions = () => describePluginFunctions(php as string);

  test("are exactly the twin's launch and commit, ajax-enabled, with the twin's parameters", () => {
    const declared = functions();
    expect(Object.keys(declared).sort()).toEqual([COMMIT_METHOD, LAUNCH_METHOD].sort());
    for (const [method, prefix] of [
      [LAUNCH_METHOD, "LAUNCH"],
      [COMMIT_METHOD, "COMMIT"],
    ] as const) {
      const info = declaredFunction(declared, method);
      expect(info.ajax, `${method} is callable from core/ajax`).toBe(true);
      expect(objectFields(info.parameters)).toEqual(twinParameters(prefix).sort());
    }
    // The twin finishes only on terminate === true: a call without it is an ordinary commit.
    const terminate = declaredFunction(declared, COMMIT_METHOD).parameters.fields.terminate;
    expect(terminate).toMatchObject({ kind: "value", required: false, default: false });
  });

  test("take ops with exactly the fields of an op as it travels (the protocol's op, its value maybe escaped)", () => {
    const ops = declaredFunction(functions(), COMMIT_METHOD).parameters.fields.ops;
    expect(ops?.kind).toBe("list");
    if (ops?.kind !== "list") return;
    const opFields = [...interfaceFields("bridge/lms/lms-api-client.ts", "WireOp").keys()].sort();
    const protocolOp = [...interfaceFields("bridge/protocol/messages.ts", "Op").keys()];
    expect(opFields, "every field of the protocol's op").toEqual(expect.arrayContaining(protocolOp));
    expect(objectFields(ops.of)).toEqual(opFields);
  });

  test("answer with every field the bridge's LMS API client reads, and the bridge configuration", () => {
    const declared = functions();
    for (const [method, name] of [
      [LAUNCH_METHOD, "LaunchResult"],
      [COMMIT_METHOD, "CommitResult"],
    ] as const) {
      const returns = declaredFunction(declared, method).returns;
      const expected = interfaceFields("bridge/lms/lms-api-client.ts", name);
      expect(objectFields(returns), `${method} answer`).toEqual([...expected.keys()].sort());
      if (returns.kind !== "object") continue;
      // Lists of records (seed, toc, rejected): the same record fields.
      for (const [field, type] of expected) {
        const record = /^Array<\{ (.*) \}>$/.exec(type);
        if (!record) continue;
        const shape = returns.fields[field];
        expect(shape?.kind, `${method}.${field}`).toBe("list");
        if (shape?.kind !== "list") continue;
        const keys = [...(record[1] ?? "").matchAll(/(\w+)\??: /g)].map((x) => x[1] ?? "").sort();
        expect(objectFields(shape.of), `${method}.${field} records`).toEqual(keys);
      }
    }
    const config = declaredFunction(declared, LAUNCH_METHOD).returns;
    if (config.kind !== "object") throw new Error("launch answers an object");
    const configShape = config.fields.config;
    if (!configShape) throw new Error("launch answers no config");
    expect(objectFields(configShape)).toEqual(Object.keys(DEFAULT_BRIDGE_CONFIG).sort());
  });
});

test.describe("the plugin's error codes", () => {
  test("are the twin's LMS API codes, apart from those Moodle's ajax layer answers itself", () => {
    const twin = twinErrorCodes(TWIN_LMS_API);
    const plugin = pluginErrorCodes(PLUGIN_DIR).map((c) => c.code);
    expect(twin.size).toBeGreaterThan(5);
    for (const code of plugin) expect(twin, `plugin code ${code} is one the twin answers`).toContain(code);
    const missing = [...twin].filter((code) => !plugin.includes(code) && !MOODLE_AJAX_LAYER_CODES.has(code));
    expect(missing, "twin codes the plugin never raises").toEqual([]);
  });

  test("have an English string for every code of the plugin's own component", () => {
    const strings = langStringIds(PLUGIN_DIR, PLUGIN_COMPONENT);
    const own = pluginErrorCodes(PLUGIN_DIR).filter((c) => c.component === PLUGIN_COMPONENT);
    expect(own.length).toBeGreaterThan(0);
    for (const { code } of own) expect(strings, `lang string ${code}`).toContain(code);
  });
});
