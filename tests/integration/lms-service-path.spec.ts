// The LMS site's direct path to lib/ajax/service.php (harness/stack/lms-service-path.ts) answers every kind of
// request exactly as the site's and the twin's express apps do: same status, headers, body and request-log entry.
// Once a fault is injected, requests go through the express apps; that is how the express answer is obtained here.
import https from "node:https";
import { expect, test } from "@playwright/test";
import { startEmbeddedStack, type EmbeddedStack } from "../../harness/stack/embedded-stack.ts";
import { siteLookup } from "../../harness/stack/site-lookup.ts";

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

function post(
  stack: EmbeddedStack,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${stack.origins.lms}${url}`,
      { method: "POST", headers, ca: stack.ca.caPem, lookup: siteLookup, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const rest: Record<string, unknown> = { ...res.headers };
          delete rest.date;
          resolve({
            status: res.statusCode ?? 0,
            headers: rest,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

test("the direct service path answers and logs every request as the express apps do", async () => {
  const stack = await startEmbeddedStack({ bridgeDir: "/nonexistent" });
  try {
    const userid = stack.twin.people.createUser({
      username: "direct",
      password: "Direct-pass-1",
      firstname: "D",
      lastname: "P",
    });
    const session = stack.twin.sessions.create(userid);
    const cookie = `MoodleSession=${session.id}`;
    const json = { "content-type": "application/json" };
    const unknownMethod = JSON.stringify([{ index: 0, methodname: "no_such_method", args: {} }]);
    const launchOfNothing = JSON.stringify([
      { index: 0, methodname: "local_externalscormbridge_launch", args: { cmid: 999999, scoid: 1 } },
    ]);
    const cases: Array<[string, Record<string, string>, string]> = [
      [`/lib/ajax/service.php?sesskey=${session.sesskey}`, json, "[]"],
      [`/lib/ajax/service.php?sesskey=${session.sesskey}`, { ...json, cookie }, unknownMethod],
      [`/lib/ajax/service.php?sesskey=${session.sesskey}`, { ...json, cookie }, launchOfNothing],
      [`/lib/ajax/service.php?sesskey=wrong`, { ...json, cookie }, "[]"],
      [`/lib/ajax/service.php`, { ...json, cookie }, "[]"],
      [
        `/lib/ajax/service.php?sesskey=${session.sesskey}&sesskey=${session.sesskey}`,
        { ...json, cookie },
        "[]",
      ],
      [`/lib/ajax/service.php?sesskey=${session.sesskey}`, { ...json, cookie }, "[{"],
      [`/lib/ajax/service.php?sesskey=${session.sesskey}`, { ...json, cookie }, '"not strict"'],
      [
        `/lib/ajax/service.php?sesskey=${session.sesskey}`,
        { "content-type": "text/plain", cookie },
        unknownMethod,
      ],
      [`/lib/ajax/service.php?sesskey=${session.sesskey}`, { ...json, cookie }, ""],
    ];
    const direct: Answer[] = [];
    for (const [url, headers, body] of cases) direct.push(await post(stack, url, headers, body));
    const directLog = stack.lmsLog.entries.splice(0).map(({ at: _at, ...entry }) => entry);

    stack.lmsFaults.inject(/^never-matches$/, { kind: "status", status: 500 });
    const viaExpress: Answer[] = [];
    for (const [url, headers, body] of cases) viaExpress.push(await post(stack, url, headers, body));
    const expressLog = stack.lmsLog.entries.splice(0).map(({ at: _at, ...entry }) => entry);

    expect(direct).toEqual(viaExpress);
    expect(directLog).toEqual(expressLog);
    expect(directLog).toHaveLength(cases.length);
    // The cases cover answers, refusals and express.json's own errors.
    expect(new Set(direct.map((a) => a.status))).toEqual(new Set([200, 400]));
    expect(direct[1]!.body).toContain("servicenotavailable");
  } finally {
    await stack.close();
  }
});
