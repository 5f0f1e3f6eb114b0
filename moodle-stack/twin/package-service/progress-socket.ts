// The progress channel: a WebSocket per job at <api>/jobs/<id>/events, pushing each JobEvent as one JSON text
// message in order (the history first, then live; ?after=<seq> skips what the client has), closed with 1000 after
// the final event. Opening it needs the Moodle session, the LMS's own Origin, the sesskey and the manager
// capability; a refusal is an HTTP answer with the JSON error, before any upgrade.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Session } from "../sessions.ts";
import { requirePackageManager, requireSesskey, requireSession } from "./package-access.ts";
import { FINAL_STATES, type JobStore } from "./job-store.ts";
import { PackageServiceError } from "./service-error.ts";
import type { TwinDb } from "../db.ts";

export interface ProgressSocketDeps {
  db: TwinDb;
  store: JobStore;
  session: (req: IncomingMessage) => Session | undefined;
  /** The LMS origin ($CFG->wwwroot): the only Origin allowed to open the channel. */
  wwwroot: () => string;
  /** Path prefix of the service's API, e.g. /local/externalscormbridge/api */
  apiPath: string;
}

const STATUS_TEXT: Record<number, string> = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found" };

function refuse(socket: Duplex, error: PackageServiceError): void {
  const body = JSON.stringify({ error: error.toJSON() });
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_TEXT[error.status] ?? "Error"}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

export class ProgressSocket {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly pattern: RegExp;

  constructor(private readonly deps: ProgressSocketDeps) {
    this.pattern = new RegExp(`^${deps.apiPath.replace(/[/.]/g, "\\$&")}/jobs/([A-Za-z0-9-]+)/events$`);
  }

  /** Handles the upgrade when it is for a job's channel; false when the path is not this channel's. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? "/", "http://x");
    const match = this.pattern.exec(url.pathname);
    if (!match) return false;
    try {
      const session = requireSession(this.deps.session(req));
      if (req.headers.origin !== this.deps.wwwroot())
        throw new PackageServiceError(
          403,
          "bad-origin",
          "The progress channel opens only from the LMS's own pages.",
        );
      requireSesskey(req, session);
      requirePackageManager(this.deps.db, session.userid);
      const job = this.deps.store.get(match[1]!);
      if (!job) throw new PackageServiceError(404, "job-not-found", `There is no job ${match[1]}.`);
      const after = Number(url.searchParams.get("after") ?? 0);
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        let unsubscribe = (): void => undefined;
        const send = (event: { type: string }) => {
          ws.send(JSON.stringify(event));
          if (FINAL_STATES.includes(event.type as never)) {
            unsubscribe();
            ws.close(1000, event.type);
          }
        };
        unsubscribe = this.deps.store.subscribe(job, Number.isSafeInteger(after) ? after : 0, send);
        if (FINAL_STATES.includes(job.state)) unsubscribe();
        ws.on("close", () => unsubscribe());
      });
    } catch (error) {
      if (!(error instanceof PackageServiceError)) throw error;
      refuse(socket, error);
    }
    return true;
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
