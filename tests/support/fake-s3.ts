// A tiny in-process S3-compatible service for tests: PUT and GET of objects under /<bucket>/<key> (path-style),
// kept in memory with their content type, over HTTP on loopback. Signatures are not checked.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";

export interface FakeObject {
  body: Buffer;
  contentType: string;
  cacheControl: string | undefined;
}

export interface FakeS3 {
  endpoint: string;
  objects: Map<string, FakeObject>;
  /** Requests seen, "METHOD /path". */
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeS3(): Promise<FakeS3> {
  const objects = new Map<string, FakeObject>();
  const requests: string[] = [];
  const app = express();
  app.use((req, _res, next) => {
    requests.push(`${req.method} ${req.path}`);
    next();
  });
  app.put("/:bucket/*key", express.raw({ type: () => true, limit: "200mb" }), (req, res) => {
    const key = `${req.params.bucket}/${(req.params.key as unknown as string[]).join("/")}`;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (
      req.headers["content-length"] !== undefined &&
      Number(req.headers["content-length"]) !== body.length
    ) {
      res.status(400).send("length mismatch");
      return;
    }
    objects.set(key, {
      body,
      contentType: String(req.headers["content-type"] ?? ""),
      cacheControl: req.headers["cache-control"],
    });
    res.setHeader("ETag", `"${body.length}"`);
    res.status(200).end();
  });
  app.get("/:bucket/*key", (req, res) => {
    const object = objects.get(`${req.params.bucket}/${(req.params.key as unknown as string[]).join("/")}`);
    if (!object) {
      res.status(404).send("NoSuchKey");
      return;
    }
    res.type(object.contentType).send(object.body);
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
