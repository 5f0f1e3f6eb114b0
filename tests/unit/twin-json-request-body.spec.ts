// The web service endpoint's body parser (moodle-stack/twin/json-request-body.ts) gives express.json's answer for
// every request: the same parsed body, or the same refusal (status, type, message, body), over real HTTP requests.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import express from "express";
import { jsonRequestBody } from "../../moodle-stack/twin/json-request-body.ts";

type Outcome = { body: unknown } | { error: Record<string, unknown> };

function describeError(error: unknown): Record<string, unknown> {
  const e = error as { status?: number; type?: string; message?: string; body?: unknown; expose?: boolean };
  return { status: e.status, type: e.type, message: e.message, body: e.body, expose: e.expose };
}

/** A server answering each request with the parser's outcome as JSON. */
async function outcomeServer(
  parse: (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    done: (e: unknown, b?: unknown) => void,
  ) => void,
) {
  const server = http.createServer((req, res) =>
    parse(req, res, (error, body) => {
      const outcome: Outcome = error ? { error: describeError(error) } : { body: body ?? null };
      res.end(JSON.stringify(outcome));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

function post(port: number, headers: Record<string, string>, body: Buffer | string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const request = http.request({ port, host: "127.0.0.1", method: "POST", path: "/", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve(JSON.parse(text) as Outcome));
    });
    request.on("error", reject);
    request.end(body);
  });
}

test("every body gets express.json's answer: parsed alike, refused alike", async () => {
  const expressJson = express.json({ limit: "8mb" }) as unknown as (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    next: (e?: unknown) => void,
  ) => void;
  const reference = await outcomeServer((req, res, done) =>
    expressJson(req, res, (error) => done(error, (req as { body?: unknown }).body)),
  );
  const parser = jsonRequestBody();
  const subject = await outcomeServer((req, res, done) => parser(req, res, done));
  const json = { "content-type": "application/json" };
  const commit = JSON.stringify([
    { index: 0, methodname: "m", args: { ops: [{ seq: 1, value: "é ✓ \u2028" }] } },
  ]);
  const cases: Array<[Record<string, string>, Buffer | string]> = [
    [json, commit],
    [json, ` \n\t${commit}`],
    [json, "{}"],
    [json, "[{"],
    [json, '"not strict"'],
    [json, "  7"],
    [json, "\f[1]"],
    [json, "\u00a0[1]"],
    [json, "\ufeff[1]"],
    [json, Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d])],
    [json, "[1] x"],
    [json, ""],
    [json, "   "],
    [{ "content-type": "application/json; charset=utf-8" }, commit],
    [{ "content-type": "application/json; charset=latin1" }, commit],
    [{ "content-type": "Application/JSON" }, commit],
    [{ "content-type": "text/plain" }, commit],
    [{}, commit],
    [{ ...json, "content-encoding": "identity" }, commit],
    [{ ...json, "transfer-encoding": "chunked" }, commit],
    [json, `[${"1,".repeat(400_000)}1]`],
    [json, `[${"1,".repeat(600_000)}1]`],
  ];
  try {
    for (const [headers, body] of cases) {
      const expected = await post(reference.port, headers, body);
      expect(
        await post(subject.port, headers, body),
        JSON.stringify([headers, String(body).slice(0, 40)]),
      ).toEqual(expected);
    }
    // The cases above are not all alike: some parse, some are refused.
    expect(await post(subject.port, json, commit)).toEqual({ body: JSON.parse(commit) });
    expect(await post(subject.port, json, "[{")).toMatchObject({
      error: { status: 400, type: "entity.parse.failed" },
    });
  } finally {
    reference.close();
    subject.close();
  }
});
