// A CDN site that runs elsewhere (the mock CDN in a container), driven through its control API
// (cdn-control-app.ts): the profile and certificate are switched over the wire, and the site's request log is
// streamed into a local RequestLog, so the stack reads it as it reads the in-process CDN's.
import http from "node:http";
import type { CdnProfile } from "./cdn-profiles.ts";
import type { CdnSite } from "./cdn-site.ts";
import { RequestLog, type LoggedRequest } from "./request-log.ts";

export interface RemoteCdnOptions {
  /** http://host:port of the control API. */
  controlUrl: string;
  token: string;
  /** The origin the browser and the LMS reach the site by (https://cdn.test:<mapped port>). */
  origin: string;
  /** Stops what runs the site (the container), after the log stream is closed. */
  stop(): Promise<void>;
}

const RECONNECT_MS = 200;

function isLoggedRequest(value: unknown): value is LoggedRequest {
  const e = value as Record<string, unknown> | null;
  return (
    typeof e === "object" &&
    e !== null &&
    ["origin", "method", "url"].every((k) => typeof e[k] === "string") &&
    ["status", "bytes", "at"].every((k) => typeof e[k] === "number")
  );
}

function parseEntry(line: string): LoggedRequest | null {
  try {
    const entry: unknown = JSON.parse(line);
    return isLoggedRequest(entry) ? entry : null;
  } catch {
    return null;
  }
}

async function control(
  options: RemoteCdnOptions,
  method: string,
  route: string,
  body?: unknown,
): Promise<Response> {
  const response = await fetch(new URL(route, options.controlUrl), {
    method,
    headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const text = (await response.text()).slice(0, 500);
    throw new Error(`The CDN's control API answered ${method} ${route} with ${response.status}: ${text}`);
  }
  return response;
}

/** Follows the remote log from the local log's length on; reconnects when the stream ends until stopped. */
function followLog(options: RemoteCdnOptions, log: RequestLog): () => void {
  let stopped = false;
  let request: http.ClientRequest | null = null;
  const connect = (): void => {
    let ended = false;
    // Whichever way this connection ends (end, reset, refused), follow again once from the log's length.
    const again = (): void => {
      if (ended) return;
      ended = true;
      if (!stopped) setTimeout(connect, RECONNECT_MS).unref();
    };
    const url = new URL(`/log/stream?from=${log.entries.length}`, options.controlUrl);
    request = http.get(url, { headers: { authorization: `Bearer ${options.token}` } }, (res) => {
      if (res.statusCode !== 200) {
        stopped = true;
        process.stderr.write(
          `The CDN's log stream answered ${res.statusCode}; its requests are not followed\n`,
        );
        res.resume();
        return;
      }
      let pending = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        pending += chunk;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) {
          const entry = parseEntry(line);
          if (entry) log.record(entry);
          else
            process.stderr.write(`The CDN's log stream sent a bad entry, left out: ${line.slice(0, 200)}\n`);
        }
      });
      res.on("error", again);
      res.on("close", again);
    });
    request.on("error", again);
  };
  connect();
  return () => {
    stopped = true;
    request?.destroy();
  };
}

export async function connectRemoteCdnSite(options: RemoteCdnOptions): Promise<CdnSite> {
  const health = (await (await control(options, "GET", "/health")).json()) as { profile: CdnProfile };
  let current = health.profile;
  const log = new RequestLog();
  const unfollow = followLog(options, log);
  return {
    origin: options.origin,
    log,
    profile: () => current,
    async setProfile(profile, certificate) {
      const { keyPem, chainPem } = certificate;
      await control(options, "PUT", "/profile", { profile, certificate: { keyPem, chainPem } });
      current = profile;
    },
    async close() {
      unfollow();
      await options.stop();
    },
  };
}
