// A reverse proxy handler for the stack's HTTPS front of a real LMS: each request goes, Host header and all, to a
// plain-HTTP server on loopback (php -S serving Moodle), marked as having arrived over https; the answer streams
// back through res.writeHead/res.write, so the request log and fault injector in front of it see it as they see
// the twin's.
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
]);

/** An answer's raw headers (name, value, name, value...) without the hop-by-hop ones. */
export function answerHeaders(rawHeaders: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    if (!HOP_BY_HOP.has(rawHeaders[i]!.toLowerCase())) out.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  return out;
}

/**
 * The headers sent upstream: the browser's own, minus hop-by-hop ones, plus where the request came in; the Host is
 * the site's own (host and port of the wwwroot) whatever name the client used to reach this front.
 */
export function upstreamHeaders(
  headers: http.IncomingHttpHeaders,
  siteHost?: string,
): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  if (siteHost) out.host = siteHost;
  out["x-forwarded-proto"] = "https";
  return out;
}

export interface ReverseProxy {
  handler(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse): void;
  /** Where requests go, and the Host they carry there; until it is set they are answered 503. */
  setUpstream(port: number, siteHost: string): void;
}

export function createReverseProxy(): ReverseProxy {
  let upstreamPort = 0;
  let host = "";
  return {
    setUpstream(port, siteHost) {
      upstreamPort = port;
      host = siteHost;
    },
    handler(req, res) {
      if (!upstreamPort) {
        res.writeHead(503, { "Content-Type": "text/plain" }).end("The LMS server is not started yet");
        return;
      }
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: upstreamPort,
          method: req.method,
          path: req.originalUrl ?? req.url,
          headers: upstreamHeaders(req.headers, host),
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answerHeaders(answer.rawHeaders));
          answer.pipe(res);
        },
      );
      upstream.on("error", (error) => {
        if (!res.headersSent)
          res.writeHead(502, { "Content-Type": "text/plain" }).end(`LMS server: ${error.message}`);
        else res.destroy();
      });
      res.on("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      req.pipe(upstream);
    },
  };
}
