// Serves an express app over HTTPS on loopback for one test site, and closes it without leaving sockets open.
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, RequestListener } from "node:http";
import type { Duplex } from "node:stream";
import type { SiteCertificate } from "../tls/run-ca.ts";

export interface RunningSite {
  origin: string;
  port: number;
  /** Presents another certificate to new connections (certificate faults). */
  setCertificate(cert: SiteCertificate): void;
  close(): Promise<void>;
}

/** Answers a WebSocket upgrade; false when it is not the handler's (the socket is then refused). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/** Where a site listens: loopback on a free port unless said otherwise (a container listens on all addresses). */
export interface ListenAddress {
  host: string;
  port: number;
}

export function startHttpsSite(
  handler: RequestListener,
  cert: SiteCertificate,
  onUpgrade?: UpgradeHandler,
  listen: ListenAddress = { host: "127.0.0.1", port: 0 },
): Promise<RunningSite> {
  const server = https.createServer({ key: cert.keyPem, cert: cert.chainPem }, handler);
  if (onUpgrade)
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!onUpgrade(req, socket, head)) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `https://${cert.host}:${port}`,
        port,
        setCertificate: (next) => server.setSecureContext({ key: next.keyPem, cert: next.chainPem }),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
