// How a real Moodle runs behind the conformance stack (harness/stack/moodle-stack.ts), set in its config.php, the
// one Moodle file the stack edits: the wwwroot the browser knows (https://lms.test:<port>, the stack's TLS reverse
// proxy) comes from ESB_MOODLE_WWWROOT with $CFG->sslproxy, and Moodle's own outgoing requests (the CDN URL check,
// mod_scorm's manifest download) go through ESB_MOODLE_HTTP_PROXY, the stack's CONNECT proxy that resolves the test
// sites to loopback. Without those variables (e.g. the plain `php -S 127.0.0.1:8480` of install-moodle.sh) the
// site keeps the wwwroot install.php wrote.

export const STACK_CONFIG_MARKER = "// ESB conformance stack:";
export const STACK_CONFIG_END = "// ESB conformance stack end.";

export const STACK_CONFIG_SNIPPET = `${STACK_CONFIG_MARKER} wwwroot and outgoing proxy from the environment (moodle-stack/real/README.md).
if (preg_match('#^https://[a-z0-9.-]+(:[0-9]+)?$#', (string) getenv('ESB_MOODLE_WWWROOT'))) {
    $CFG->wwwroot = getenv('ESB_MOODLE_WWWROOT');
    $CFG->sslproxy = true;
    if (isset($_SERVER['REMOTE_ADDR'])) {
        // php -S listens on its own port; the browser's requests came in on the proxy's (the wwwroot's).
        $_SERVER['SERVER_PORT'] = parse_url($CFG->wwwroot, PHP_URL_PORT) ?: 443;
    }
}
if (preg_match('#^127\\.0\\.0\\.1:[0-9]+$#', (string) getenv('ESB_MOODLE_HTTP_PROXY'))) {
    [$CFG->proxyhost, $CFG->proxyport] = explode(':', getenv('ESB_MOODLE_HTTP_PROXY'));
    $CFG->proxytype = 'HTTP';
    $CFG->proxybypass = 'localhost, 127.0.0.1';
}
${STACK_CONFIG_END}
`;

const SETUP_LINE = /^require_once\(__DIR__ \. '\/lib\/setup\.php'\);/m;

/**
 * config.php with the stack's snippet before lib/setup.php is loaded: an earlier version of the snippet is
 * replaced, the current one left as it is.
 */
export function withStackConfig(configPhp: string): string {
  const start = configPhp.indexOf(STACK_CONFIG_MARKER);
  if (start >= 0) {
    const end = configPhp.indexOf(STACK_CONFIG_END, start);
    if (end < 0) throw new Error(`config.php has "${STACK_CONFIG_MARKER}" without "${STACK_CONFIG_END}"`);
    const endOfLine = end + STACK_CONFIG_END.length + 1;
    return `${configPhp.slice(0, start)}${STACK_CONFIG_SNIPPET}${configPhp.slice(endOfLine)}`;
  }
  const setup = SETUP_LINE.exec(configPhp);
  if (!setup)
    throw new Error("config.php does not load lib/setup.php with require_once(__DIR__ . '/lib/setup.php')");
  return `${configPhp.slice(0, setup.index)}${STACK_CONFIG_SNIPPET}\n${configPhp.slice(setup.index)}`;
}

/** The environment a PHP process of the stack's Moodle runs with (web server and CLI scripts alike). */
export function moodleProcessEnv(
  base: NodeJS.ProcessEnv,
  site: { wwwroot: string; httpProxyPort: number; iniDir: string },
): NodeJS.ProcessEnv {
  return {
    ...base,
    ESB_MOODLE_WWWROOT: site.wwwroot,
    ESB_MOODLE_HTTP_PROXY: `127.0.0.1:${site.httpProxyPort}`,
    // The system's PHP settings, then the stack's (the run CA as curl's only trust anchor, Moodle's limits).
    PHP_INI_SCAN_DIR: `${base.PHP_INI_SCAN_DIR || "/etc/php/8.2/cli/conf.d"}:${site.iniDir}`,
  };
}

/** The stack's PHP settings: Moodle 4.5's input limits and the run CA file for curl and openssl. */
export function stackPhpIni(caFile: string): string {
  return [
    "max_input_vars=5000",
    "memory_limit=512M",
    "post_max_size=64M",
    "upload_max_filesize=64M",
    `curl.cainfo=${caFile}`,
    `openssl.cafile=${caFile}`,
    "",
  ].join("\n");
}
