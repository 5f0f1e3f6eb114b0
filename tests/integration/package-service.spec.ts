// The package service over real HTTPS and a real WebSocket against a started stack: uploads processed at once and
// as jobs, progress pushed in order, cancel leaving nothing in the CDN storage, the size limit, refused packages
// with their codes, list/get/delete, launch into a course whose player loads the SCO, and who may do what.
import { addMoodleSessionCookie } from "../../harness/lms-driver/session-cookie.ts";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../../harness/browser/fixtures.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import type { EmbeddedStack } from "../../harness/stack/embedded-stack.ts";
import type { JobEvent } from "../../moodle-stack/twin/package-service/job-store.ts";
import type { PackageServiceSettings } from "../../moodle-stack/twin/package-service/settings.ts";
import { PackageServiceClient } from "../support/package-service-client.ts";
import {
  badManifestZip,
  corruptZip,
  noManifestZip,
  probeZip,
  probeZipOfSize,
  zipBombZip,
  zipSlipZip,
} from "../support/package-zips.ts";

interface People {
  course: number;
  teacher: PackageServiceClient;
  teacherId: number;
  student: PackageServiceClient;
}

async function people(stack: EmbeddedStack): Promise<People> {
  const { people: p } = stack.twin;
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const course = p.createCourse(`Packages ${stamp}`, `pk${stamp}`);
  const teacherId = p.createUser({
    username: `t${stamp}`,
    password: "pw",
    firstname: "Tea",
    lastname: "Cher",
  });
  const studentId = p.createUser({
    username: `s${stamp}`,
    password: "pw",
    firstname: "Stu",
    lastname: "Dent",
  });
  p.enrol(teacherId, course, "editingteacher");
  p.enrol(studentId, course, "student");
  return {
    course,
    teacherId,
    teacher: PackageServiceClient.as(stack, teacherId),
    student: PackageServiceClient.as(stack, studentId),
  };
}

/** The package folders in the CDN storage, and what is left in its staging folder. */
async function storage(stack: EmbeddedStack): Promise<{ packages: string[]; staged: string[] }> {
  const names = await readdir(stack.storageDir);
  const staged = await readdir(path.join(stack.storageDir, ".staging")).catch(() => []);
  return { packages: names.filter((n) => n.startsWith("pkg-")).sort(), staged };
}

const types = (events: JobEvent[]) => events.map((e) => (e.type === "step" ? `step:${e.step}` : e.type));

let workDir: string;
let savedSettings: PackageServiceSettings;
test.beforeEach(async ({ stack }) => {
  savedSettings = { ...stack.twin.packages.settings };
  workDir = await mkdtemp(path.join(os.tmpdir(), "esb-pkg-work-"));
  stack.twin.packages.setSettings({ workDir, maxBytes: 64 * 1024 * 1024, asyncBytes: 1024 * 1024 });
});
test.afterEach(async ({ stack }) => {
  stack.twin.packages.beforeStep = undefined;
  stack.twin.packages.setSettings(savedSettings);
  // every job cleaned its work folder up
  expect(await readdir(workDir)).toEqual([]);
  await rm(workDir, { recursive: true, force: true });
});

test("a small upload is published at once: 201 with its manifest facts, served by the CDN, listed and readable", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  const before = await storage(stack);
  const answer = await teacher.upload(probeZip(), { name: "Probe course" });
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  const pkg = answer.json.package;
  expect(answer.headers.location).toBe(`/local/externalscormbridge/api/packages/${pkg.id}`);
  expect(pkg).toMatchObject({
    name: "Probe course",
    title: "Probe course (SCORM 1.2)",
    scormVersion: "1.2",
    scos: [{ identifier: "ITEM-1", title: "Probe SCO", href: "sco.html" }],
    files: 3,
    manifestUrl: `${stack.origins.cdn}/packages/${pkg.id}/imsmanifest.xml`,
  });
  expect(pkg.zipBytes).toBe(probeZip().length);
  expect(pkg.bytes).toBeGreaterThan(0);
  const manifest = await stack.fetch(pkg.manifestUrl);
  expect(manifest.status).toBe(200);
  expect(manifest.body).toContain("esb.probe.scorm12");
  expect((await storage(stack)).packages).toEqual([...before.packages, pkg.id].sort());

  const listed = await teacher.request("GET", "packages");
  expect(listed.status).toBe(200);
  expect(listed.json.packages[0]).toEqual(pkg);
  const got = await teacher.request("GET", `packages/${pkg.id}`);
  expect(got.json.package).toEqual(pkg);
});

test("an upload above the async threshold becomes a job: 202 + Location, progress pushed in order ending in succeeded", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  const zip = probeZipOfSize(1024 * 1024 + 10);
  // hold the job before it starts, so the channel is open before any step (the history is replayed anyway)
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  stack.twin.packages.beforeStep = (_job, step) => (step === "extract" ? held : Promise.resolve());
  const answer = await teacher.upload(zip);
  expect(answer.status, JSON.stringify(answer.json)).toBe(202);
  const job = answer.json.job;
  expect(answer.headers.location).toBe(`/local/externalscormbridge/api/jobs/${job.id}`);
  expect(job.state).toBe("queued");
  const channel = teacher.openProgress(job.id);
  await channel.opened;
  release();
  const events = await channel.events;
  expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
  const steps = types(events).filter((t) => t !== "progress");
  expect(steps).toEqual([
    "queued",
    "step:extract",
    "step:validate",
    "step:publish",
    "step:commit",
    "succeeded",
  ]);
  const progress = events.filter((e) => e.type === "progress");
  expect(progress.map((p) => p.filesDone)).toEqual([1, 2, 3, 4]);
  expect(progress.at(-1)).toMatchObject({ filesTotal: 4, bytesDone: progress.at(-1)!.bytesTotal });
  const last = events.at(-1)!;
  if (last.type !== "succeeded") throw new Error("not succeeded");
  const status = await teacher.request("GET", `jobs/${job.id}`);
  expect(status.json.job).toMatchObject({ state: "succeeded", packageId: last.package.id, error: null });
  expect(status.json.package).toEqual(last.package);
  expect((await stack.fetch(last.package.manifestUrl)).status).toBe(200);
});

test("Prefer: respond-async makes a small upload a job too, and a late channel still gets the whole history", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  const answer = await teacher.upload(probeZip(), { async: true });
  expect(answer.status).toBe(202);
  const events = await teacher.openProgress(answer.json.job.id).events;
  expect(types(events)[0]).toBe("queued");
  expect(types(events).at(-1)).toBe("succeeded");
  const again = await teacher.openProgress(answer.json.job.id, {}).events;
  expect(again).toEqual(events);
});

test("cancelling a job held after staging every file leaves nothing in the CDN storage", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  const before = await storage(stack);
  let atCommit!: () => void;
  const reachedCommit = new Promise<void>((resolve) => (atCommit = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  stack.twin.packages.beforeStep = (_job, step) => {
    if (step !== "commit") return Promise.resolve();
    atCommit();
    return held;
  };
  const answer = await teacher.upload(probeZip(20), { async: true });
  const channel = teacher.openProgress(answer.json.job.id);
  await reachedCommit;
  expect((await storage(stack)).staged).toHaveLength(1); // every file staged, none served
  const cancel = await teacher.request("DELETE", `jobs/${answer.json.job.id}`);
  expect(cancel.status).toBe(202);
  release();
  const events = await channel.events;
  expect(types(events).at(-1)).toBe("cancelled");
  expect(types(events)).not.toContain("step:commit");
  expect(await storage(stack)).toEqual({ packages: before.packages, staged: [] });
  const status = await teacher.request("GET", `jobs/${answer.json.job.id}`);
  expect(status.json.job).toMatchObject({ state: "cancelled", packageId: null });
  const again = await teacher.request("DELETE", `jobs/${answer.json.job.id}`);
  expect(again.status).toBe(409);
  expect(again.json.error.code).toBe("job-finished");
});

test("cancelling mid-publish (on the first file's progress event) stops the copy and leaves nothing behind", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  const before = await storage(stack);
  const answer = await teacher.upload(probeZip(1500), { async: true });
  expect(answer.status).toBe(202);
  const jobId = answer.json.job.id as string;
  let cancelled: Promise<unknown> | undefined;
  const events = await teacher.openProgress(jobId, {
    onEvent: (event) => {
      if (event.type === "progress" && !cancelled) cancelled = teacher.request("DELETE", `jobs/${jobId}`);
    },
  }).events;
  expect(((await cancelled) as { status: number }).status).toBe(202);
  expect(types(events).at(-1)).toBe("cancelled");
  const progress = events.filter((e) => e.type === "progress");
  expect(progress.at(-1)!.filesDone).toBeLessThan(progress.at(-1)!.filesTotal);
  expect(await storage(stack)).toEqual({ packages: before.packages, staged: [] });
});

test("a form upload (multipart/form-data: file part package, field name) is published like a raw one", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  const answer = await teacher.uploadForm([
    { field: "name", text: "Form course" },
    { field: "package", zip: probeZip(), filename: "probe.zip" },
  ]);
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  expect(answer.json.package).toMatchObject({ name: "Form course", scormVersion: "1.2", files: 3 });
  expect(answer.json.package.zipBytes).toBe(probeZip().length);
  const manifest = await stack.fetch(answer.json.package.manifestUrl);
  expect(manifest.body).toContain("esb.probe.scorm12");
  const unnamed = await teacher.uploadForm([{ field: "package", zip: probeZip() }], { chunked: true });
  expect(unnamed.status, JSON.stringify(unnamed.json)).toBe(201);
  expect(unnamed.json.package.name).toBe("Probe course (SCORM 1.2)");
});

test("a bad form is refused with its reason and publishes nothing: other parts, no package, two names, too large", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  stack.twin.packages.setSettings({ maxBytes: 200_000, asyncBytes: 100_000 });
  const before = await storage(stack);
  const refusals: Array<[string, Promise<unknown>, number, string, RegExp]> = [
    [
      "a file part under another name",
      teacher.uploadForm([{ field: "zip", zip: probeZip() }]),
      400,
      "unexpected-part",
      /file part "zip"/,
    ],
    [
      "an unknown field",
      teacher.uploadForm([
        { field: "course", text: "3" },
        { field: "package", zip: probeZip() },
      ]),
      400,
      "unexpected-part",
      /field "course"/,
    ],
    [
      "two files",
      teacher.uploadForm([
        { field: "package", zip: probeZip() },
        { field: "package", zip: probeZip() },
      ]),
      400,
      "unexpected-part",
      /more than one file/,
    ],
    [
      "no package part",
      teacher.uploadForm([{ field: "name", text: "x" }]),
      400,
      "missing-package",
      /no file part "package"/,
    ],
    [
      "a name in the query and the form",
      teacher.uploadForm(
        [
          { field: "name", text: "a" },
          { field: "package", zip: probeZip() },
        ],
        { query: "?name=b" },
      ),
      400,
      "invalid-parameter",
      /given twice/,
    ],
    [
      "a package over the limit",
      teacher.uploadForm([{ field: "package", zip: probeZipOfSize(300_000) }], { chunked: true }),
      413,
      "package-too-large",
      /ESB_PACKAGE_MAX_BYTES/,
    ],
    [
      "a broken form",
      teacher.request("POST", "packages", {
        body: "--x\r\nnot a part",
        headers: { "content-type": "multipart/form-data; boundary=x" },
      }),
      400,
      "",
      /./,
    ],
  ];
  for (const [what, pending, status, code, message] of refusals) {
    const answer = (await pending) as { status: number; json: { error: { code: string; message: string } } };
    expect(answer.status, `${what}: ${JSON.stringify(answer.json)}`).toBe(status);
    if (code) expect(answer.json.error.code, what).toBe(code);
    expect(answer.json.error.message, what).toMatch(message);
  }
  expect(await storage(stack)).toEqual(before);
});

test("the size limit: 413 package-too-large from Content-Length, and while a chunked body streams in", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  stack.twin.packages.setSettings({ maxBytes: 200_000, asyncBytes: 100_000 });
  const zip = probeZipOfSize(300_000);
  const announced = await teacher.upload(zip);
  expect(announced.status).toBe(413);
  expect(announced.json.error).toMatchObject({ code: "package-too-large", maxBytes: 200_000 });
  const streamed = await teacher.upload(zip, { chunked: true });
  expect(streamed.status).toBe(413);
  expect(streamed.json.error.code).toBe("package-too-large");
  expect(streamed.json.error.message).toMatch(/ESB_PACKAGE_MAX_BYTES/);
  // a bad setting is refused with its name and changes nothing
  expect(() => stack.twin.packages.setSettings({ maxBytes: "lots" })).toThrow(
    /maxBytes must be a whole number/,
  );
  expect(stack.twin.packages.settings.maxBytes).toBe(200_000);
});

test("corrupt zip, bad manifest, zip bomb, no manifest and a path-traversal entry are refused with 422 and their codes; nothing published", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  const before = await storage(stack);
  const listed = (await teacher.request("GET", "packages")).json.packages.length as number;
  const cases: Array<[Buffer, string, string]> = [
    [corruptZip(), "archive", "unreadable"],
    [zipSlipZip(), "archive", "zip-slip"],
    [badManifestZip(), "well-formed", ""],
    [zipBombZip(), "archive", "compression-ratio"],
    [noManifestZip(), "manifest-at-root", "no-manifest"],
  ];
  for (const [zip, step, code] of cases) {
    const answer = await teacher.upload(zip);
    expect(answer.status, JSON.stringify(answer.json)).toBe(422);
    expect(answer.json.error.code).toBe("invalid-package");
    expect(answer.json.error.issues[0].step).toBe(step);
    if (code) expect(answer.json.error.issues[0].code).toBe(code);
    expect(answer.json.error.issues[0].message).toEqual(expect.any(String));
  }
  const badType = await teacher.request("POST", "packages", {
    body: probeZip(),
    headers: { "content-type": "application/octet-stream" },
  });
  expect(badType.status).toBe(415);
  expect(badType.json.error.code).toBe("unsupported-media-type");
  expect(badType.json.error.message).toMatch(/application\/zip.*multipart\/form-data/);
  const empty = await teacher.request("POST", "packages", {
    body: "",
    headers: { "content-type": "application/zip" },
  });
  expect(empty.json.error.code).toBe("empty-upload");
  expect(await storage(stack)).toEqual({ packages: before.packages, staged: [] });
  expect((await teacher.request("GET", "packages")).json.packages).toHaveLength(listed);
  // the zip-slip entry was written nowhere
  expect(await readdir(path.dirname(stack.storageDir))).not.toContain("escaped.html");
});

test("delete removes the package's files from the CDN storage; it is then gone from list and get", async ({
  stack,
}) => {
  const { teacher } = await people(stack);
  const pkg = (await teacher.upload(probeZip())).json.package;
  expect((await stack.fetch(pkg.manifestUrl)).status).toBe(200);
  const deleted = await teacher.request("DELETE", `packages/${pkg.id}`);
  expect(deleted.status).toBe(204);
  expect((await storage(stack)).packages).not.toContain(pkg.id);
  expect((await stack.fetch(pkg.manifestUrl)).status).toBe(404);
  const got = await teacher.request("GET", `packages/${pkg.id}`);
  expect(got.status).toBe(404);
  expect(got.json.error.code).toBe("package-not-found");
  const listed = await teacher.request("GET", "packages");
  expect(listed.json.packages.map((p: { id: string }) => p.id)).not.toContain(pkg.id);
  expect((await teacher.request("DELETE", `packages/${pkg.id}`)).status).toBe(404);
});

test("launch creates a CDN URL activity in the course whose player loads the SCO through the bridge", async ({
  stack,
  browser,
}) => {
  const { teacher, teacherId, course } = await people(stack);
  const pkg = (await teacher.upload(probeZip())).json.package;
  const launch = await teacher.request("POST", `packages/${pkg.id}/launch`, {
    body: JSON.stringify({ course, name: "Launched probe" }),
    headers: { "content-type": "application/json" },
  });
  expect(launch.status, JSON.stringify(launch.json)).toBe(201);
  const malformed = await teacher.request("POST", `packages/${pkg.id}/launch`, {
    body: "{course:",
    headers: { "content-type": "application/json" },
  });
  expect([malformed.status, malformed.json.error.code]).toEqual([400, "invalid-json"]);
  const noCourse = await teacher.request("POST", `packages/${pkg.id}/launch`, {
    body: JSON.stringify({ course: "x" }),
    headers: { "content-type": "application/json" },
  });
  expect([noCourse.status, noCourse.json.error.code]).toEqual([400, "invalid-parameter"]);
  expect(launch.json).toMatchObject({ course, cmid: expect.any(Number) });
  const row = stack.twin.query(
    "SELECT s.name, s.reference FROM mdl_scorm s JOIN mdl_course_modules cm ON cm.instance = s.id WHERE cm.id = ?",
    [launch.json.cmid],
  );
  expect(row[0]).toMatchObject({ name: "Launched probe" });
  expect(launch.json.playerUrl).toBe(
    `${stack.origins.lms}/mod/scorm/player.php?cm=${launch.json.cmid}&scoid=${launch.json.scoes[0].id}`,
  );
  const context = await browser.newContext();
  try {
    const session = stack.twin.sessions.create(teacherId);
    await addMoodleSessionCookie(context, stack.origins.lms, session.id);
    const page = await context.newPage();
    await page.goto(launch.json.playerUrl);
    const probe = await waitForProbe(page, stack.origins.cdn);
    expect(
      page.frames().some((f) => f.url().startsWith(`${stack.origins.cdn}/packages/${pkg.id}/sco.html`)),
    ).toBe(true);
    expect(probe).toBeTruthy();
  } finally {
    await context.close();
  }
});

test("who may: no session 401, a student 403, a wrong sesskey 403, a course the teacher does not teach 403", async ({
  stack,
}) => {
  const { teacher, student } = await people(stack);
  const other = await people(stack);
  const anonymous = new PackageServiceClient(stack);
  const noSession = await anonymous.request("GET", "packages");
  expect(noSession.status).toBe(401);
  expect(noSession.json.error.code).toBe("servicerequireslogin");
  expect((await anonymous.upload(probeZip())).status).toBe(401);

  for (const answer of [await student.request("GET", "packages"), await student.upload(probeZip())]) {
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe("nopermissions");
  }
  const wrongKey = teacher.with({ sesskey: "not-it" });
  const refused = await wrongKey.upload(probeZip());
  expect(refused.status).toBe(403);
  expect(refused.json.error.code).toBe("invalidsesskey");
  const pkg = (await teacher.upload(probeZip())).json.package;
  expect((await wrongKey.request("DELETE", `packages/${pkg.id}`)).json.error.code).toBe("invalidsesskey");
  expect((await teacher.request("GET", `packages/${pkg.id}`)).status).toBe(200); // still there

  const elsewhere = await teacher.request("POST", `packages/${pkg.id}/launch`, {
    body: JSON.stringify({ course: other.course }),
    headers: { "content-type": "application/json" },
  });
  expect(elsewhere.status).toBe(403);
  expect(elsewhere.json.error.code).toBe("nopermissions");

  // the progress channel: sesskey, Origin and the capability, refused before any upgrade
  const job = (await teacher.upload(probeZip(), { async: true })).json.job;
  const refusals = [
    teacher.openProgress(job.id, { sesskey: null }),
    teacher.openProgress(job.id, { origin: stack.origins.evil }),
    student.openProgress(job.id),
    anonymous.openProgress(job.id, { sesskey: "x" }),
  ];
  const outcomes = await Promise.all(
    refusals.map((r) =>
      r.opened.then(
        () => null,
        (e: { status: number; body: { error: { code: string } } }) => e,
      ),
    ),
  );
  expect(outcomes.map((o) => [o?.status, o?.body.error.code])).toEqual([
    [403, "invalidsesskey"],
    [403, "bad-origin"],
    [403, "nopermissions"],
    [401, "servicerequireslogin"],
  ]);
  await teacher.openProgress(job.id).events;
});
