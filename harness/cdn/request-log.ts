// Records every request a mock site serves: method, URL, status and body bytes sent.
import type { NextFunction, Request, Response } from "express";

export interface LoggedRequest {
  /** The origin the request was addressed to (https://host:port from its Host header). */
  origin: string;
  method: string;
  url: string;
  status: number;
  bytes: number;
  at: number;
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];
  private readonly listeners = new Set<(entry: LoggedRequest) => void>();

  /** Adds an entry (a request this site served, or one a remote site reported). */
  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    for (const listener of this.listeners) listener(entry);
  }

  /** Calls `listener` with every entry recorded from now on; returns the unsubscribe function. */
  subscribe(listener: (entry: LoggedRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      let bytes = 0;
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      const count = (chunk: unknown): void => {
        if (typeof chunk === "string") bytes += Buffer.byteLength(chunk);
        else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        count(chunk);
        return write(chunk, ...rest);
      }) as Response["write"];
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk !== "function") count(chunk);
        return end(chunk, ...rest);
      }) as Response["end"];
      res.on("finish", () => {
        this.record({
          origin: `https://${req.headers.host ?? ""}`,
          method: req.method,
          url: req.originalUrl,
          status: res.statusCode,
          bytes,
          at: Date.now(),
        });
      });
      next();
    };
  }

  bytesServed(): number {
    return this.entries.reduce((sum, e) => sum + e.bytes, 0);
  }

  /** Body bytes served per origin (cdn.test and each of its subdomains apart). */
  bytesByOrigin(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.entries) out[e.origin] = (out[e.origin] ?? 0) + e.bytes;
    return out;
  }
}
