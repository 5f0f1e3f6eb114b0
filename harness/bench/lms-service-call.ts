// Calls the LMS's web service endpoint (lib/ajax/service.php) as a signed-in player page does: one method per
// request, over HTTPS keep-alive connections that trust the stack's CA and resolve the test sites to loopback.
// Every answer is checked: HTTP 200, Moodle's envelope, and no exception.
import { siteLookup } from "../stack/site-lookup.ts";
import { keepAliveHttps } from "./keepalive-https.ts";

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

export function serviceCaller(session: ServiceSession, maxConnections: number): ServiceCaller {
  const client = keepAliveHttps({
    origin: session.lmsOrigin,
    ca: session.caPem,
    lookup: siteLookup,
    maxConnections,
  });
  // Written once: the load client's CPU is shared with the server on this machine, so each call stays cheap.
  const headerLines = `Cookie: MoodleSession=${session.sessionId}\r\nContent-Type: application/json\r\n`;
  const path = `/lib/ajax/service.php?sesskey=${encodeURIComponent(session.sesskey)}&info=`;
  const call = async (
    methodname: string,
    args: Record<string, unknown>,
  ): Promise<Record<string, unknown>> => {
    const body = JSON.stringify([{ index: 0, methodname, args }]);
    const answer = await client.post(path + encodeURIComponent(methodname), headerLines, body);
    const parsed = answer.status === 200 ? (JSON.parse(answer.body) as unknown) : undefined;
    const first = Array.isArray(parsed) ? (parsed[0] as Record<string, unknown> | undefined) : undefined;
    if (!first || first.error !== false)
      throw new Error(`${methodname} failed: HTTP ${answer.status} ${answer.body.slice(0, 500)}`);
    return first.data as Record<string, unknown>;
  };
  return { call, close: () => client.close() };
}
