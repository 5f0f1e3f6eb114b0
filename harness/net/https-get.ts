// One HTTPS request from Node, for the LMS's server-side URL check and for `certify`: a deadline for the whole
// exchange, the answer's status, headers and body, and failures classified (DNS, TLS, timeout, connection).
import https from "node:https";
import type { LookupFunction } from "node:net";

export type HttpFailureKind = "dns" | "tls" | "timeout" | "connection";

export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface HttpRequest {
  /** The whole exchange (DNS, TLS, headers, body) must finish within this many ms. */
  timeoutMs: number;
  method?: "GET" | "HEAD";
  headers?: Record<string, string>;
}

/** Fetches one URL without following redirects. Rejects with an HttpFailure. */
export type HttpGet = (url: string, request: HttpRequest) => Promise<HttpAnswer>;

export interface HttpsGetOptions {
  /** Extra trusted CA (the run's CA); the system's store otherwise. */
  caPem?: string;
  lookup?: LookupFunction;
  /** Largest body kept, in bytes (the rest is an error). */
  maxBodyBytes?: number;
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/i;

function classify(error: NodeJS.ErrnoException, url: string): HttpFailure {
  const code = error.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || /resolve/i.test(error.message)) {
    return new HttpFailure("dns", `The host of ${url} could not be resolved (${code || error.message})`);
  }
  if (TLS_CODES.test(code) || TLS_CODES.test(error.message)) {
    return new HttpFailure("tls", `The TLS certificate of ${url} is not valid: ${error.message}`);
  }
  return new HttpFailure("connection", `Could not connect to ${url}: ${error.message}`);
}

function flatHeaders(raw: NodeJS.Dict<string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

export function createHttpsGet(options: HttpsGetOptions = {}): HttpGet {
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
  return (url, request) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const req = https.request(
        url,
        {
          method: request.method ?? "GET",
          headers: request.headers,
          ca: options.caPem,
          lookup: options.lookup,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (c: Buffer) => {
            size += c.byteLength;
            if (size > maxBody) {
              req.destroy();
              finish(() => reject(new HttpFailure("connection", `${url} is larger than ${maxBody} bytes`)));
            } else chunks.push(c);
          });
          res.on("end", () =>
            finish(() =>
              resolve({
                status: res.statusCode ?? 0,
                headers: flatHeaders(res.headers),
                body: Buffer.concat(chunks),
              }),
            ),
          );
          res.on("error", (e: NodeJS.ErrnoException) => finish(() => reject(classify(e, url))));
        },
      );
      const timer = setTimeout(() => {
        finish(() =>
          reject(new HttpFailure("timeout", `${url} did not answer within ${request.timeoutMs} ms`)),
        );
        req.destroy();
      }, request.timeoutMs);
      req.on("error", (e: NodeJS.ErrnoException) => finish(() => reject(classify(e, url))));
      req.end();
    });
}
