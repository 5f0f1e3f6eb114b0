// Moodle's ajax endpoint, lib/ajax/service.php, that carries the LMS API: the JSON body parsed as express.json
// parses it (json-request-body.ts), the session and sesskey checked, each call answered in Moodle's envelope. One
// handler on Node's own request and response, so that the twin's express route and the LMS site's direct path
// (the hot path of every commit, harness/stack/lms-service-path.ts) answer alike.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { jsonRequestBody } from "./json-request-body.ts";
import type { LmsApi } from "./lms-api.ts";
import type { Sessions } from "./sessions.ts";

export const SERVICE_PATH = "/lib/ajax/service.php";

export interface ServiceEndpointDeps {
  sessions: Sessions;
  api: LmsApi;
}

/** Handles one request; a body that express.json refuses goes to `next` as express.json's own error. */
export type ServiceHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** The answer to one request whose body is parsed (undefined when it had no JSON body). */
function serviceAnswer(deps: ServiceEndpointDeps, req: IncomingMessage, body: unknown): unknown {
  const s = deps.sessions.fromCookieHeader(req.headers.cookie);
  if (!s) return { error: "You are not logged in", errorcode: "servicerequireslogin" };
  const url = req.url ?? "";
  const q = url.indexOf("?");
  // express's default ("simple") query parser: a sesskey given twice is an array, so it matches no sesskey.
  if ((q < 0 ? undefined : parseQuery(url.slice(q + 1)).sesskey) !== s.sesskey)
    return {
      error: "Your session has most likely timed out. Please log in again.",
      errorcode: "invalidsesskey",
    };
  const calls = Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [];
  // req.ip without a trusted proxy: the peer's address.
  const ip = req.socket.remoteAddress ?? "";
  return calls.map((call) =>
    deps.api.call(call.methodname, s.userid, (call.args ?? {}) as Record<string, unknown>, ip),
  );
}

/**
 * Sends `value` as express's res.json does in the twin's app (no ETag). The body goes as a string, so that Node
 * writes headers and body in one piece (one TLS record) rather than two.
 */
function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value) ?? "";
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body, "utf8");
}

export function serviceEndpoint(deps: ServiceEndpointDeps): ServiceHandler {
  const readBody = jsonRequestBody();
  return (req, res, next) => {
    readBody(req, res, (error, body) => {
      if (error) next(error);
      else sendJson(res, serviceAnswer(deps, req, body));
    });
  };
}
