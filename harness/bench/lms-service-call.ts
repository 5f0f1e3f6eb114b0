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
  // Parsed once: the load client's CPU is shared with the server on this machine, so each call stays cheap.
  const origin = new URL(session.lmsOrigin);
  const headers = { cookie: `MoodleSession=${session.sessionId}`, "content-type": "application/json" };
  const call = (methodname: string, args: Record<string, unknown>): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const request = https.request(
        {
          host: origin.hostname,
          port: origin.port,
          path: `/lib/ajax/service.php?sesskey=${session.sesskey}&info=${methodname}`,
          method: "POST",
          agent,
          headers,
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => {
            const answer = JSON.parse(text) as Array<Record<string, unknown>>;
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
