// The harness web app: a local express server on 127.0.0.1 serving the static UI (harness/ui/public), a JSON
// API over the runs, and a WebSocket pushing each run's progress. Runs are `pnpm conformance` child processes.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type NextFunction, type Request, type Response } from "express";
import { WebSocketServer, type WebSocket } from "ws";
import { bridgeNames } from "../bridges/resolve-bridge.ts";
import { UsageError, parseConformanceArgs } from "../cli/conformance-args.ts";
import { PROPERTIES } from "../properties/registry.ts";
import { bridgeMatrix } from "../reporting/bridge-matrix.ts";
import { findResultsFiles, readResultsFiles } from "../reporting/find-results.ts";
import { implementedPropertyIds, type ResultsFile } from "../reporting/results-file.ts";
import { readRunDetails } from "../reporting/run-details.ts";
import { containersStackProblem } from "../stack/containers-availability.ts";
import { crossSiteProblem, hostAllowed, type GuardConfig } from "./request-guard.ts";
import { runArgs, type RunRequest } from "./run-request.ts";
import { RunLauncher, type RunEvent } from "./run-launcher.ts";
import { RunStore } from "./run-store.ts";

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "public");

export interface HarnessServerOptions {
  port?: number;
  reportsDir: string;
}

export interface HarnessServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const token = randomBytes(24).toString("hex");
  const store = new RunStore(path.join(options.reportsDir, "harness-runs"));
  const certificate = path.join(options.reportsDir, "certify", "cdn-certificate.html");
  const sockets = new Set<WebSocket>();
  const broadcast = (event: RunEvent): void => {
    const text = JSON.stringify(event);
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(text);
  };
  const launcher = new RunLauncher(store, broadcast);
  const guard: GuardConfig = { origin: "", token };

  const app = express();
  app.disable("x-powered-by");
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!hostAllowed(req.headers.host, guard)) {
      res.status(421).type("text/plain").send("wrong Host");
      return;
    }
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("X-Frame-Options", "DENY");
    next();
  });

  app.get("/", async (_req, res) => {
    const html = await readFile(path.join(PUBLIC_DIR, "index.html"), "utf8");
    res.setHeader(
      "Content-Security-Policy",
      `default-src 'self'; connect-src 'self' ${guard.origin.replace(/^http/, "ws")}; img-src 'self'; frame-ancestors 'none'`,
    );
    res.type("html").send(html.replace("__SESSION_TOKEN__", token));
  });
  app.use("/static", express.static(PUBLIC_DIR, { index: false, dotfiles: "deny" }));
  // Evidence files a run wrote: served sandboxed, so an HTML attachment cannot act as the harness.
  app.use(
    "/files",
    (_req, res, next) => {
      res.setHeader("Content-Security-Policy", "sandbox");
      next();
    },
    express.static(store.root, { index: false, dotfiles: "deny" }),
  );

  app.get("/api/options", (_req, res) => {
    const implemented = implementedPropertyIds();
    const containers = containersStackProblem();
    res.json({
      stacks: [
        { name: "embedded", available: true, reason: "" },
        { name: "containers", available: containers === null, reason: containers ?? "" },
      ],
      bridges: bridgeNames(),
      properties: PROPERTIES.map((p) => ({
        id: p.id,
        title: p.title,
        tags: p.tags,
        implemented: implemented.has(p.id),
      })),
      certificate: existsSync(certificate),
      busy: launcher.busy,
    });
  });

  app.get("/api/runs", async (_req, res) => {
    res.json(await store.list());
  });

  app.get("/api/runs/:id", async (req, res) => {
    const id = String(req.params.id);
    const meta = await store.read(id).catch(() => null);
    if (!meta) {
      res.status(404).json({ error: "no such run" });
      return;
    }
    const dir = store.dir(id);
    const results = await readFile(path.join(dir, "results.json"), "utf8").then(
      (t) => JSON.parse(t) as ResultsFile,
      () => null,
    );
    // dir: where the run's files are on this machine, for commands such as `playwright show-trace <file>`.
    res.json({ meta, results, details: await readRunDetails(dir), dir });
  });

  app.get("/api/matrix", async (_req, res) => {
    res.json(bridgeMatrix(await readResultsFiles(await findResultsFiles([store.root], 1))));
  });

  app.get("/api/certificate", (_req, res) => {
    if (!existsSync(certificate)) {
      res.status(404).json({ error: "no certificate yet: run pnpm conformance certify" });
      return;
    }
    res.download(certificate, "cdn-certificate.html");
  });

  app.post("/api/runs", express.json({ limit: "16kb" }), async (req, res) => {
    const problem = crossSiteProblem(req.headers.origin, req.get("x-harness-token"), guard);
    if (problem) {
      res.status(403).json({ error: problem });
      return;
    }
    let args: string[];
    let bridge: string;
    try {
      args = runArgs(req.body as RunRequest);
      bridge = parseConformanceArgs(args).bridge;
    } catch (error) {
      const status = error instanceof UsageError ? 400 : 400;
      res.status(status).json({ error: (error as Error).message });
      return;
    }
    if (launcher.busy) {
      res.status(409).json({ error: "a run is already in progress" });
      return;
    }
    res.status(202).json(await launcher.start(args, bridge));
  });

  const server = app.listen(options.port ?? 0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  guard.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", guard.origin);
    const refused =
      url.pathname !== "/ws" ||
      !hostAllowed(req.headers.host, guard) ||
      crossSiteProblem(req.headers.origin, url.searchParams.get("token") ?? undefined, guard);
    if (refused) {
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on("close", () => sockets.delete(ws));
    });
  });

  return {
    url: `${guard.origin}/`,
    token,
    close: async () => {
      launcher.stop();
      for (const s of sockets) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
