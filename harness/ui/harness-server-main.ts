// `pnpm harness [--port <n>] [--open] [--reports-dir <dir>]`: starts the harness web app on 127.0.0.1 and
// prints its address (with --open, also tries xdg-open / open).
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { reportsDir } from "../reporting/reports-dir.ts";
import { startHarnessServer } from "./harness-server.ts";

const HELP = `Usage: pnpm harness [--port <n>] [--open] [--reports-dir <dir>]

Serves the conformance harness on http://127.0.0.1:<port>/ (port 0, the default, picks a free one):
pick stack, bridge, packages and properties, run them, watch progress live, open each property's evidence,
compare bridges in a property x bridge matrix, and download the CDN certificate.
Runs are kept under <reports-dir>/harness-runs/. Stop with Ctrl-C.`;

function openInBrowser(url: string): void {
  const opener = process.platform === "darwin" ? "open" : "xdg-open";
  const child = spawn(opener, [url], { stdio: "ignore", detached: true });
  child.on("error", () => process.stdout.write(`Could not run ${opener}; open ${url} yourself.\n`));
  child.unref();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      open: { type: "boolean", default: false },
      "reports-dir": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port must be 0..65535");
  const server = await startHarnessServer({
    port,
    reportsDir: path.resolve(values["reports-dir"] ?? reportsDir()),
  });
  process.stdout.write(`Conformance harness: ${server.url}\n`);
  if (values.open) openInBrowser(server.url);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
