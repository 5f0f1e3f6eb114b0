// Multi-SCO: the table of contents lists every SCO, 2004 navigation requests move between SCOs, each SCO's
// tracking lands on its own SCO id, and the runtime starts afresh for every SCO (no leaked time or values).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseTimeinterval } from "../../bridge/mapping/durations.ts";
import { expect, test } from "../../harness/browser/fixtures.ts";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { openLearnerSession } from "../../harness/probe/learner-session.ts";
import { waitForProbe } from "../../harness/probe/probe-client.ts";
import { eventually } from "../../harness/properties/eventually.ts";

test("navigation requests move between SCOs and each SCO's data stays its own", async ({
  browser,
  stack,
  lms,
}) => {
  const manifest = await readFile(
    path.join(PACKAGES_DIR, "probe-scorm2004-multi", "imsmanifest.xml"),
    "utf8",
  );
  const course = await lms.createCourse("Multi-SCO");
  const activity = await lms.createCdnActivity(
    course,
    "Three SCOs",
    await stack.publishProbePackage("multi-sco", manifest),
  );
  expect(activity.scoes.map((s) => s.identifier)).toEqual(["ITEM-1", "ITEM-2", "ITEM-3"]);
  const [one, two] = activity.scoes;
  const user = await lms.createUser();
  await lms.enrol(user, course);

  const session = await openLearnerSession(browser, lms, stack.origins.cdn, activity, user);
  const toc = session.page.locator("#esb-toc a");
  await expect(toc).toHaveText(["Probe SCO one", "Probe SCO two", "Probe SCO three"]);
  await expect(toc.first()).toHaveAttribute("aria-current", "page");

  await session.probe.run([
    ["Initialize", ""],
    ["SetValue", "cmi.location", "one"],
    ["SetValue", "cmi.session_time", "PT5S"],
    ["SetValue", "adl.nav.request", "continue"],
    ["Terminate", ""],
  ]);
  await session.page.waitForURL(new RegExp(`scoid=${two!.id}$`));
  const second = await waitForProbe(session.page, stack.origins.cdn);
  expect(second.frame.url()).toContain("sco.html?sco=2");
  const [init, total, entry, location] = await second.run([
    ["Initialize", ""],
    ["GetValue", "cmi.total_time"],
    ["GetValue", "cmi.entry"],
    ["GetValue", "cmi.location"],
  ]);
  expect(init).toMatchObject({ ret: "true", err: "0" });
  expect(parseTimeinterval(total!.ret ?? ""), "no total_time leaks from the first SCO").toBe(0);
  expect(entry?.ret).toBe("ab-initio");
  expect(location?.ret, "no value leaks from the first SCO").toBe("");
  await second.run([
    ["SetValue", "cmi.location", "two"],
    ["SetValue", "adl.nav.request", "{target=ITEM-1}choice"],
    ["Terminate", ""],
  ]);
  await session.page.waitForURL(new RegExp(`scoid=${one!.id}$`));
  await waitForProbe(session.page, stack.origins.cdn);

  const rows = await eventually(
    () => lms.tracks(activity, user),
    (r) => r.some((x) => x.scoid === two!.id && x.element === "cmi.total_time"),
  );
  const of = (scoid: number) =>
    Object.fromEntries(
      rows.filter((r) => r.scoid === scoid && r.element.startsWith("cmi.")).map((r) => [r.element, r.value]),
    );
  expect(of(one!.id)).toMatchObject({ "cmi.location": "one", "cmi.total_time": "PT5S" });
  expect(of(two!.id)).toMatchObject({ "cmi.location": "two", "cmi.total_time": "PT0S" });
  expect(
    rows.some((r) => r.element.startsWith("adl.")),
    "navigation requests are not stored",
  ).toBe(false);
  await session.close();
});
