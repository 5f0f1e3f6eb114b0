// A lean HTTP/1.1 client for the bench's load generator: POST requests over kept-alive TLS connections, one
// request in flight per connection, each request written in one piece and each answer read by its Content-Length.
// It is the load generator, not the system under test: it spends less of the shared cores than node:https's
// agent does per request, so that more of them go to the server. Answers it cannot frame (chunked, no length)
// fail the request rather than being guessed.
import tls from "node:tls";
import type { LookupFunction } from "node:net";

export interface KeepAliveOptions {
  /** https origin of the server. */
  origin: string;
  /** CA certificates (PEM) to trust. */
  ca: string;
  /** Resolves the origin's host name (the test sites live on loopback). */
  lookup?: LookupFunction;
  /** Most connections open at once; further requests wait for a free one. */
  maxConnections: number;
}

export interface KeepAliveAnswer {
  status: number;
  body: string;
}

export interface KeepAliveClient {
  /** POSTs `body` to `path` with the given extra header lines (already "Name: value\r\n" each). */
  post(path: string, headerLines: string, body: string): Promise<KeepAliveAnswer>;
  close(): void;
}

const HEADER_END = Buffer.from("\r\n\r\n");
const STATUS_LINE = /^HTTP\/1\.1 (\d{3}) /;
const CONTENT_LENGTH = /\r\ncontent-length: *(\d+)\r\n/i;
const CHUNKED = /\r\ntransfer-encoding:/i;
const CLOSING = /\r\nconnection: *close\r\n/i;

interface Pending {
  resolve(answer: KeepAliveAnswer): void;
  reject(error: Error): void;
}

/** One kept-alive connection with at most one request in flight. */
class Connection {
  private buffered: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  usable = true;

  constructor(private readonly socket: tls.TLSSocket) {
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (error) => this.fail(error));
    socket.on("close", () => this.fail(new Error("connection closed by the server")));
  }

  send(request: string): Promise<KeepAliveAnswer> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.usable = false;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const end = this.buffered.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffered.toString("latin1", 0, end + 2);
    const status = STATUS_LINE.exec(head);
    const length = CONTENT_LENGTH.exec(head);
    if (!status || !length || CHUNKED.test(head)) {
      this.fail(new Error(`unframed answer: ${JSON.stringify(head.slice(0, 200))}`));
      return;
    }
    const bodyStart = end + HEADER_END.length;
    const bodyEnd = bodyStart + Number(length[1]);
    if (this.buffered.length < bodyEnd) return;
    if (this.buffered.length > bodyEnd) {
      this.fail(new Error("the server sent more than one answer to one request"));
      return;
    }
    const body = this.buffered.toString("utf8", bodyStart, bodyEnd);
    this.buffered = Buffer.alloc(0);
    if (CLOSING.test(head)) this.close();
    const pending = this.pending;
    this.pending = null;
    pending?.resolve({ status: Number(status[1]), body });
  }

  private fail(error: Error): void {
    this.close();
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}

export function keepAliveHttps(options: KeepAliveOptions): KeepAliveClient {
  const origin = new URL(options.origin);
  if (origin.protocol !== "https:") throw new Error(`${options.origin} is not an https origin`);
  const host = origin.host;
  const port = Number(origin.port || 443);
  const idle: Connection[] = [];
  const open = new Set<Connection>();
  const waiting: Array<{ resolve(c: Connection): void; reject(error: unknown): void }> = [];

  let opening = 0;
  const connect = (): Promise<Connection> =>
    new Promise((resolve, reject) => {
      opening += 1;
      const socket = tls.connect({
        host: origin.hostname,
        port,
        servername: origin.hostname,
        ca: options.ca,
        lookup: options.lookup,
      });
      socket.once("secureConnect", () => {
        opening -= 1;
        socket.off("error", failed);
        socket.setNoDelay(true);
        const connection = new Connection(socket);
        open.add(connection);
        resolve(connection);
      });
      const failed = (error: Error): void => {
        opening -= 1;
        reject(error);
      };
      socket.once("error", failed);
    });

  const acquire = async (): Promise<Connection> => {
    for (let c = idle.pop(); c; c = idle.pop()) if (c.usable) return c;
    for (const c of open) if (!c.usable) open.delete(c);
    if (open.size + opening < options.maxConnections) return connect();
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };

  const release = (c: Connection): void => {
    if (!c.usable) {
      open.delete(c);
      const next = waiting.shift();
      if (next) connect().then(next.resolve, next.reject);
      return;
    }
    const next = waiting.shift();
    if (next) next.resolve(c);
    else idle.push(c);
  };

  return {
    async post(path, headerLines, body) {
      const request =
        `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${headerLines}` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      const connection = await acquire();
      try {
        return await connection.send(request);
      } finally {
        release(connection);
      }
    },
    close() {
      for (const c of open) c.close();
      open.clear();
      idle.length = 0;
    },
  };
}
