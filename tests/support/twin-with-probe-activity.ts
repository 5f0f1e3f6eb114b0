// A Moodle twin with one course, one enrolled learner and one 1.2 probe activity on the CDN: the starting point
// of the unit tests that call the plugin's LMS API directly.
import { buildProbeManifest } from "../../conformance/generators/manifest-arbitrary.ts";
import { MoodleTwin, type MoodleTwinOptions } from "../../moodle-stack/twin/moodle-twin.ts";
import type { ScormActivitySettings } from "../../moodle-stack/twin/scorm-settings.ts";

const ids = { manifestId: "M", orgId: "O", itemId: "I", resId: "R", orgTitle: "Org", itemTitle: "Item" };

export async function twinWithProbeActivity(
  options: MoodleTwinOptions = { bridgeDir: "/nonexistent" },
  settings: Partial<ScormActivitySettings> = {},
  manifest = buildProbeManifest("1.2", "1.2", ids),
) {
  const twin = await MoodleTwin.create(options);
  const course = twin.people.createCourse("C", "c");
  const learner = twin.people.createUser({ username: "l", password: "p", firstname: "L", lastname: "L" });
  twin.people.enrol(learner, course);
  const activity = twin.activities.createFromManifest(
    course,
    "A",
    "https://cdn.test:1/pkg/imsmanifest.xml",
    manifest,
    settings,
  );
  const scoid = twin.activities.scoes(activity.scormid).find((s) => s.launch)!.id;
  return { twin, course, learner, activity, scoid };
}
