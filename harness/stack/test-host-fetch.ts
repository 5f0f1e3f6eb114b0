// Server-side HTTPS GET for the LMS (like Moodle fetching a manifest): resolves the test sites to loopback
// and trusts only the run's CA.
import https from "node:https";
import type { LookupFunction } from "node:net";

const lookupLoopback: LookupFunction = (hostname, options, callback) => {
  if (!hostname.endsWith(".test")) {
    callback(new Error(`Refusing to resolve ${hostname}: only the test sites are reachable`), "", 4);
    return;
  }
  if ((options as { all?: boolean }).all) {
    (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
      { address: "127.0.0.1", family: 4 },
    ]);
  } else callback(null, "127.0.0.1", 4);
};

export function createTestHostFetch(caPem: string, timeoutMs = 10_000) {
  return (url: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const request = https.get(url, { ca: caPem, lookup: lookupLoopback, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      });
      request.on("timeout", () =>
        request.destroy(new Error(`Timed out after ${timeoutMs} ms fetching ${url}`)),
      );
      request.on("error", reject);
    });
}
