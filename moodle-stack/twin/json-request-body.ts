// The web service endpoint's JSON body parser: express.json's answer for every request, computed without it for
// the request every player sends (Content-Type exactly application/json, a Content-Length, no Content-Encoding,
// a strict JSON body that parses). Any other request, and any body that does not parse, goes through express.json
// itself (replayed from the bytes already read), so that its refusals stay express.json's own.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import express from "express";

/** express.json's size limit on the endpoint. */
const LIMIT = "8mb";
/** Bodies read here at most (a commit is well under it); larger ones go to express.json as they come. */
const FAST_PATH_MAX_BYTES = 1 << 20;
/** RFC 8259 whitespace, as express.json's strict check skips it before the first character. */
const FIRST_NON_WHITESPACE = /^[ \t\n\r]*([^ \t\n\r]|$)/;

export type BodyCallback = (error: unknown, body?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The common case: exactly application/json, a Content-Length up to FAST_PATH_MAX_BYTES, no encodings. */
function isPlainJsonUpload(req: IncomingMessage): boolean {
  const h = req.headers;
  if (h["content-type"] !== "application/json" || h["content-encoding"] !== undefined) return false;
  if (h["transfer-encoding"] !== undefined || !/^[1-9][0-9]{0,6}$/.test(h["content-length"] ?? ""))
    return false;
  return Number(h["content-length"]) <= FAST_PATH_MAX_BYTES;
}

/** A strict JSON body (an object or array) parsed, or undefined when express.json must judge it. */
function parseStrict(text: string): { value: unknown } | undefined {
  const first = text[0] === "{" || text[0] === "[" ? text[0] : FIRST_NON_WHITESPACE.exec(text)?.[1];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The same request's head over a stream of the bytes already read, for express.json to read again. */
function replay(req: IncomingMessage, bytes: Buffer): IncomingMessage {
  const copy = Readable.from([bytes], { objectMode: false }) as unknown as IncomingMessage;
  return Object.assign(copy, { headers: req.headers, method: req.method, url: req.url });
}

export function jsonRequestBody(): (req: IncomingMessage, res: ServerResponse, done: BodyCallback) => void {
  const expressJson = express.json({ limit: LIMIT }) as unknown as Middleware;
  const viaExpress = (req: IncomingMessage, res: ServerResponse, done: BodyCallback): void =>
    expressJson(req, res, (error) => {
      if (error) done(error);
      else done(null, (req as { body?: unknown }).body);
    });
  return (req, res, done) => {
    // A request whose connection is already gone (a delayed request the client gave up on) is express.json's too.
    if (!isPlainJsonUpload(req) || !req.socket.readable) {
      viaExpress(req, res, done);
      return;
    }
    const chunks: Buffer[] = [];
    let settled = false;
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => {
      if (settled) return;
      settled = true;
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const parsed = parseStrict(bytes.toString("utf8"));
      if (!parsed) {
        viaExpress(replay(req, bytes), res, done);
        return;
      }
      // As express.json leaves it.
      (req as { body?: unknown }).body = parsed.value;
      done(null, parsed.value);
    });
    // An aborted upload: express.json would answer a connection that is already gone.
    req.once("error", (error) => {
      if (settled) return;
      settled = true;
      done(error);
    });
  };
}
