// The real-Moodle stack's config.php snippet (moodle-stack/real/stack-config.ts): where it goes, that an older
// snippet is replaced, and — run by PHP — how it maps the environment to $CFG (wwwroot behind the TLS proxy, the
// port the browser used, the outgoing proxy), or leaves the installed site alone without it.
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { phpCli } from "../../moodle-stack/plugin-tools/describe-plugin.ts";
import {
  moodleProcessEnv,
  STACK_CONFIG_END,
  STACK_CONFIG_MARKER,
  STACK_CONFIG_SNIPPET,
  stackPhpIni,
  withStackConfig,
} from "../../moodle-stack/real/stack-config.ts";

const CONFIG = `<?php
unset($CFG);
global $CFG;
$CFG = new stdClass();
$CFG->wwwroot   = 'http://127.0.0.1:8480';
$CFG->dataroot  = '/tmp/data';

require_once(__DIR__ . '/lib/setup.php');
`;

test("the snippet goes right before lib/setup.php is loaded, once", () => {
  const configured = withStackConfig(CONFIG);
  const snippetAt = configured.indexOf(STACK_CONFIG_MARKER);
  expect(snippetAt).toBeGreaterThan(configured.indexOf("$CFG->dataroot"));
  expect(snippetAt).toBeLessThan(configured.indexOf("require_once(__DIR__ . '/lib/setup.php');"));
  expect(configured.replace(STACK_CONFIG_SNIPPET + "\n", "")).toBe(CONFIG);
  expect(withStackConfig(configured)).toBe(configured);
});

test("an earlier version of the snippet is replaced by the current one", () => {
  const old = CONFIG.replace(
    "require_once",
    `${STACK_CONFIG_MARKER} old\n$CFG->wwwroot = 'https://old';\n${STACK_CONFIG_END}\nrequire_once`,
  );
  const configured = withStackConfig(old);
  expect(configured).not.toContain("https://old");
  expect(configured).toBe(CONFIG.replace("require_once", `${STACK_CONFIG_SNIPPET}require_once`));
});

test("a config.php that does not load lib/setup.php, or a snippet without its end, is refused", () => {
  expect(() => withStackConfig("<?php\n$CFG = new stdClass();\n")).toThrow(/lib\/setup\.php/);
  expect(() => withStackConfig(`${CONFIG}\n${STACK_CONFIG_MARKER}\n`)).toThrow(/without/);
});

test("PHP processes get the wwwroot, the proxy and the stack's ini folder after the system's", () => {
  const env = moodleProcessEnv(
    { PATH: "/bin", PHP_INI_SCAN_DIR: "/etc/php/8.2/cli/conf.d" },
    { wwwroot: "https://lms.test:4443", httpProxyPort: 3128, iniDir: "/tmp/run" },
  );
  expect(env).toMatchObject({
    PATH: "/bin",
    ESB_MOODLE_WWWROOT: "https://lms.test:4443",
    ESB_MOODLE_HTTP_PROXY: "127.0.0.1:3128",
    PHP_INI_SCAN_DIR: "/etc/php/8.2/cli/conf.d:/tmp/run",
  });
  expect(stackPhpIni("/tmp/run/ca.pem")).toMatch(/^curl\.cainfo=\/tmp\/run\/ca\.pem$/m);
  expect(stackPhpIni("/tmp/run/ca.pem")).toMatch(/^max_input_vars=5000$/m);
});

const php = phpCli();

test.describe("the snippet run by PHP", () => {
  test.skip(!php, "No PHP CLI (scripts/setup.sh installs Debian's php-cli): the snippet's PHP not run");

  /** $CFG and SERVER_PORT after the snippet, for the given environment (a web request when remoteAddr is set). */
  const run = (env: Record<string, string>, remoteAddr?: string): Record<string, unknown> => {
    const code = [
      "$CFG = new stdClass(); $CFG->wwwroot = 'http://127.0.0.1:8480';",
      remoteAddr ? `$_SERVER['REMOTE_ADDR'] = '${remoteAddr}'; $_SERVER['SERVER_PORT'] = 39999;` : "",
      STACK_CONFIG_SNIPPET,
      "echo json_encode(['cfg' => $CFG, 'port' => $_SERVER['SERVER_PORT'] ?? null]);",
    ].join("\n");
    const result = spawnSync(php as string, ["-r", code], {
      encoding: "utf8",
      env: { PATH: process.env.PATH, ...env },
    });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  test("without the variables the installed wwwroot stays and no proxy is set", () => {
    expect(run({})).toEqual({ cfg: { wwwroot: "http://127.0.0.1:8480" }, port: null });
  });

  test("behind the stack: https wwwroot, sslproxy, the proxy's port as the request's, the outgoing proxy", () => {
    const env = { ESB_MOODLE_WWWROOT: "https://lms.test:4443", ESB_MOODLE_HTTP_PROXY: "127.0.0.1:3128" };
    expect(run(env, "127.0.0.1")).toEqual({
      cfg: {
        wwwroot: "https://lms.test:4443",
        sslproxy: true,
        proxyhost: "127.0.0.1",
        proxyport: "3128",
        proxytype: "HTTP",
        proxybypass: "localhost, 127.0.0.1",
      },
      port: 4443,
    });
    // A CLI script keeps its (absent) SERVER_PORT.
    expect(run(env).port).toBeNull();
  });

  test("values that are not an https origin or a loopback proxy are ignored", () => {
    const env = { ESB_MOODLE_WWWROOT: "http://lms.test:4443", ESB_MOODLE_HTTP_PROXY: "10.0.0.1:3128" };
    expect(run(env, "127.0.0.1")).toEqual({ cfg: { wwwroot: "http://127.0.0.1:8480" }, port: 39999 });
  });
});
