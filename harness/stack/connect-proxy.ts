// An HTTP CONNECT proxy on loopback for a real LMS's outgoing requests (Moodle's curl with $CFG->proxyhost): a
// tunnel to a test site (resolved as the browser resolves it, site-lookup.ts) opens; any other name is answered
// 502, as a DNS failure would end the request. Plain-HTTP proxy requests are refused (the test sites are https).
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { siteLookup } from "./site-lookup.ts";

export interface ConnectProxy {
  port: number;
  close(): Promise<void>;
}

/** host and port of a CONNECT request's target ("cdn.test:8443", "[::1]:443"), or null when malformed. */
export function connectTarget(target: string): { host: string; port: number } | null {
  const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(target);
  if (!match) return null;
  const port = Number(match[2]);
  if (port < 1 || port > 65_535) return null;
  return { host: match[1]!.replace(/^\[|\]$/g, ""), port };
}

export function startConnectProxy(): Promise<ConnectProxy> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405, { "Content-Type": "text/plain" }).end("Only CONNECT to the test sites");
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    const target = connectTarget(req.url ?? "");
    const refuse = (why: string): void => {
      client.end(`HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\n\r\n${why}\n`);
    };
    if (!target) return refuse("bad CONNECT target");
    siteLookup(target.host, {}, (error, address) => {
      if (error) return refuse(error.message);
      let connected = false;
      const upstream = net.connect(target.port, address as string, () => {
        connected = true;
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on("close", () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on("error", (e) => (connected ? client.destroy() : refuse(`unreachable: ${e.message}`)));
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
