// The mock CDN's control API, for a CDN that runs outside the test process (in a container): the host switches
// the profile and its certificate, and reads the request log as a stream. Served on its own port, never on the
// CDN's public one; every request must carry the run's token (Authorization: Bearer <token>).
//   GET  /health             200 {"profile": ...}
//   PUT  /profile            {"profile": CdnProfile, "certificate": {"keyPem", "chainPem"}} -> 204
//   GET  /log/stream?from=N  the log's entries from index N, then each new one, one JSON object per line
import { timingSafeEqual } from "node:crypto";
import express from "express";
import type { SiteCertificate } from "../tls/run-ca.ts";
import { parseCdnProfile } from "./cdn-profile-parse.ts";
import type { CdnProfileSwitch } from "./cdn-profile-switch.ts";
import type { LoggedRequest, RequestLog } from "./request-log.ts";

export interface CdnControlOptions {
  /** At least 32 characters; compared in constant time. */
  token: string;
  log: RequestLog;
  profile: CdnProfileSwitch;
  /** Presents this certificate for cdn.test to new connections. */
  setCertificate(certificate: Pick<SiteCertificate, "keyPem" | "chainPem">): void;
}

const PEM =
  /^-----BEGIN [A-Z ]+-----\r?\n[A-Za-z0-9+/=\r\n]+-----END [A-Z ]+-----(\r?\n-----BEGIN [A-Z ]+-----\r?\n[A-Za-z0-9+/=\r\n]+-----END [A-Z ]+-----)*\r?\n?$/;

function tokenMatches(expected: Buffer, header: string | undefined): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readCertificate(input: unknown): Pick<SiteCertificate, "keyPem" | "chainPem"> {
  const c = input as Record<string, unknown> | null;
  if (typeof c !== "object" || c === null)
    throw new Error("certificate must be an object with keyPem and chainPem");
  const { keyPem, chainPem } = c;
  if (typeof keyPem !== "string" || !PEM.test(keyPem))
    throw new Error("certificate.keyPem is not a PEM block");
  if (typeof chainPem !== "string" || !PEM.test(chainPem)) throw new Error("certificate.chainPem is not PEM");
  return { keyPem, chainPem };
}

function streamLog(log: RequestLog, from: number, res: express.Response): void {
  res.status(200).type("application/x-ndjson").setHeader("Cache-Control", "no-store");
  res.flushHeaders();
  const send = (entry: LoggedRequest) => res.write(`${JSON.stringify(entry)}\n`);
  for (const entry of log.entries.slice(from)) send(entry);
  const unsubscribe = log.subscribe(send);
  res.on("close", unsubscribe);
}

export function createCdnControlApp(options: CdnControlOptions): express.Express {
  if (options.token.length < 32) throw new Error("The control token must have at least 32 characters");
  const token = Buffer.from(options.token);
  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    if (tokenMatches(token, req.headers.authorization)) return next();
    res.status(401).type("text/plain").send("A valid control token is required");
  });
  app.use(express.json({ limit: "64kb" }));
  app.get("/health", (_req, res) => {
    res.json({ profile: options.profile.current });
  });
  app.put("/profile", (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    try {
      const profile = parseCdnProfile(body?.profile);
      const certificate = readCertificate(body?.certificate);
      options.setCertificate(certificate);
      options.profile.set(profile);
    } catch (error) {
      res
        .status(400)
        .type("text/plain")
        .send(error instanceof Error ? error.message : String(error));
      return;
    }
    res.status(204).end();
  });
  app.get("/log/stream", (req, res) => {
    const from = Number(req.query.from ?? 0);
    if (!Number.isInteger(from) || from < 0) {
      res.status(400).type("text/plain").send("from must be a non-negative integer");
      return;
    }
    streamLog(options.log, from, res);
  });
  app.use((_req, res) => {
    res.status(404).type("text/plain").send("Not found");
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    res
      .status(status)
      .type("text/plain")
      .send(status === 413 ? "Body too large" : status < 500 ? "Bad request body" : "Internal error");
  });
  return app;
}
