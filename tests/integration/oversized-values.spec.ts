// A value too long for the bridge's protocol (over 65,536 characters, above every SCORM smallest permitted maximum)
// is refused at the SetValue with the version's error, and the rest of the session is stored as usual: one
// oversized value must never make the LMS refuse a whole batch and lose the session.
import { expect, test } from "../../harness/browser/fixtures.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { createProbeActivities } from "../../harness/probe/probe-activities.ts";
import { SCORM_API } from "../../harness/probe/scorm-api-names.ts";
import { eventually } from "../../harness/properties/eventually.ts";

for (const [version, code, location] of [
  ["2004", "351", "cmi.location"],
  ["1.2", "101", "cmi.core.lesson_location"],
] as const) {
  test(`SCORM ${version}: an oversized value is refused with ${code} and the session still lands`, async ({
    browser,
    stack,
    lms,
  }) => {
    const course = await lms.createCourse(`Oversized ${version}`);
    const activity = (
      await createProbeActivities(stack, lms, course, `oversized-${version.replace(".", "")}`)
    )[version];
    const user = await lms.createUser();
    await lms.enrol(user, course);
    const session = await openLearnerSession(browser, lms, stack.origins.cdn, activity, user);
    const api = SCORM_API[version];
    const [, tooLong, afterwards, , finish] = await session.probe.run([
      [api.init, ""],
      [api.set, "cmi.suspend_data", "x".repeat(65_537)],
      [api.set, location, "still stored"],
      [api.commit, ""],
      [api.finish, ""],
    ]);
    expect(tooLong).toMatchObject({ ret: "false", err: code });
    expect(afterwards).toMatchObject({ ret: "true", err: "0" });
    expect(finish).toMatchObject({ ret: "true", err: "0" });
    const rows = await eventually(
      () => lms.tracks(activity, user),
      (r) => r.some((x) => x.element === location),
    );
    expect(rows.find((r) => r.element === location)?.value).toBe("still stored");
    expect(rows.some((r) => r.element === "cmi.suspend_data")).toBe(false);
    await session.close();
  });
}
