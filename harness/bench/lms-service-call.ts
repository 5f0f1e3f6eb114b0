// Calls the LMS's web service endpoint (lib/ajax/service.php) as a signed-in player page does: one method per
// request, over HTTPS keep-alive connections that trust the stack's CA and resolve the test sites to loopback.
import https from "node:https";
import { siteLookup } from "../stack/site-lookup.ts";

export interface ServiceSession {
  lmsOrigin: string;
  sesskey: string;
  sessionId: string;
  caPem: string;
}

export interface ServiceCaller {
  call(methodname: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): void;
}

export function serviceCaller(session: ServiceSession, maxSockets: number): ServiceCaller {
  const agent = new https.Agent({ keepAlive: true, maxSockets, ca: session.caPem, lookup: siteLookup });
  const call = (methodname: string, args: Record<string, unknown>): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const url = `${session.lmsOrigin}/lib/ajax/service.php?sesskey=${session.sesskey}&info=${methodname}`;
      const request = https.request(
        url,
        {
          method: "POST",
          agent,
          headers: { cookie: `MoodleSession=${session.sessionId}`, "content-type": "application/json" },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const answer = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Array<
              Record<string, unknown>
            >;
            if (!answer[0] || answer[0].error)
              reject(new Error(`${methodname} failed: ${JSON.stringify(answer)}`));
            else resolve(answer[0].data as Record<string, unknown>);
          });
          res.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(JSON.stringify([{ index: 0, methodname, args }]));
    });
  return { call, close: () => agent.destroy() };
}
