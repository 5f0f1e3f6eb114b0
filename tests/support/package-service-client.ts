// A client of the package service for tests: real HTTPS to the stack's LMS origin (run CA trusted, test sites
// resolved to loopback) with a Moodle session cookie and sesskey, uploads from a buffer (with or without
// Content-Length), and a job's progress channel read over a real WebSocket until it closes.
import https from "node:https";
import { Readable } from "node:stream";
import WebSocket from "ws";
import { siteLookup } from "../../harness/stack/site-lookup.ts";
import type { EmbeddedStack } from "../../harness/stack/embedded-stack.ts";
import { API_PATH } from "../../moodle-stack/twin/package-service/package-routes.ts";
import type { JobEvent } from "../../moodle-stack/twin/package-service/job-store.ts";

export interface ApiAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field in tests
  json: any;
}

export interface Credentials {
  cookie?: string;
  sesskey?: string;
}

export interface RequestOptions {
  body?: Buffer | string;
  /** Sends the body in chunks without Content-Length (chunked transfer encoding). */
  chunked?: boolean;
  headers?: Record<string, string>;
}

export class PackageServiceClient {
  constructor(
    private readonly stack: EmbeddedStack,
    readonly credentials: Credentials = {},
  ) {}

  /** A client signed in as `userid` (the session the login form would issue). */
  static as(stack: EmbeddedStack, userid: number): PackageServiceClient {
    const session = stack.twin.sessions.create(userid);
    return new PackageServiceClient(stack, {
      cookie: `MoodleSession=${session.id}`,
      sesskey: session.sesskey,
    });
  }

  with(credentials: Credentials): PackageServiceClient {
    return new PackageServiceClient(this.stack, { ...this.credentials, ...credentials });
  }

  request(method: string, apiPath: string, options: RequestOptions = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.credentials.cookie) headers.cookie = this.credentials.cookie;
    if (this.credentials.sesskey) headers["x-moodle-sesskey"] = this.credentials.sesskey;
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    if (body && !options.chunked) headers["content-length"] = String(body.length);
    return new Promise((resolve, reject) => {
      const req = https.request(
        `${this.stack.origins.lms}${apiPath.startsWith("/") ? apiPath : `${API_PATH}/${apiPath}`}`,
        { method, headers, ca: this.stack.ca.caPem, lookup: siteLookup, timeout: 60_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let json: unknown;
            try {
              json = text ? JSON.parse(text) : null;
            } catch {
              json = { unparsed: text };
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.on("timeout", () => req.destroy(new Error(`${method} ${apiPath} timed out`)));
      if (!body) req.end();
      else if (!options.chunked) req.end(body);
      else {
        const chunks = Array.from({ length: Math.ceil(body.length / 16_384) }, (_, i) =>
          body.subarray(i * 16_384, (i + 1) * 16_384),
        );
        // The server may answer (413) and close before the whole body is sent: that is not a client error.
        Readable.from(chunks)
          .on("error", () => undefined)
          .pipe(req);
      }
    });
  }

  upload(
    zip: Buffer,
    options: { name?: string; async?: boolean; chunked?: boolean } = {},
  ): Promise<ApiAnswer> {
    const query = options.name === undefined ? "" : `?name=${encodeURIComponent(options.name)}`;
    return this.request("POST", `packages${query}`, {
      body: zip,
      chunked: options.chunked,
      headers: {
        "content-type": "application/zip",
        ...(options.async ? { prefer: "respond-async" } : {}),
      },
    });
  }

  /**
   * Uploads as a browser's form would (multipart/form-data): `parts` in order, each a text field or a file
   * (a zip buffer); sent in chunks without Content-Length when `chunked`.
   */
  async uploadForm(
    parts: Array<{ field: string; text: string } | { field: string; zip: Buffer; filename?: string }>,
    options: { query?: string; chunked?: boolean } = {},
  ): Promise<ApiAnswer> {
    const form = new FormData();
    for (const part of parts)
      if ("text" in part) form.append(part.field, part.text);
      else
        form.append(
          part.field,
          new Blob([new Uint8Array(part.zip)], { type: "application/zip" }),
          part.filename ?? "package.zip",
        );
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    return this.request("POST", `packages${options.query ?? ""}`, {
      body,
      chunked: options.chunked,
      headers: { "content-type": encoded.headers.get("content-type")! },
    });
  }

  /** Opens the job's progress channel; `onEvent` sees each event as it arrives. */
  openProgress(
    jobId: string,
    options: { origin?: string; sesskey?: string | null; onEvent?: (event: JobEvent) => void } = {},
  ): { events: Promise<JobEvent[]>; opened: Promise<void> } {
    const sesskey = options.sesskey === undefined ? this.credentials.sesskey : options.sesskey;
    const query = sesskey === null || sesskey === undefined ? "" : `?sesskey=${encodeURIComponent(sesskey)}`;
    const url = `${this.stack.origins.lms.replace(/^https:/, "wss:")}${API_PATH}/jobs/${jobId}/events${query}`;
    const ws = new WebSocket(url, {
      ca: this.stack.ca.caPem,
      lookup: siteLookup,
      origin: options.origin ?? this.stack.origins.lms,
      headers: this.credentials.cookie ? { cookie: this.credentials.cookie } : {},
    });
    const received: JobEvent[] = [];
    const opened = new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("unexpected-response", (_req, res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          reject(
            Object.assign(new Error(`progress channel refused: ${res.statusCode}`), {
              status: res.statusCode,
              body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown,
            }),
          ),
        );
      });
      ws.once("error", reject);
    });
    const events = new Promise<JobEvent[]>((resolve, reject) => {
      ws.on("message", (data) => {
        const event = JSON.parse(String(data)) as JobEvent;
        received.push(event);
        options.onEvent?.(event);
      });
      ws.once("close", () => resolve(received));
      opened.catch(reject);
    });
    events.catch(() => undefined);
    return { events, opened };
  }
}
