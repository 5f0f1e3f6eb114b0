// The pieces of the Moodle container backend that need no Docker engine (moodle-stack/containers/moodle-container.ts,
// moodle-stack/real/moodle-cli.ts): how the site is installed on the MySQL container's database, and how the driver's
// PHP scripts run inside the container instead of on this machine.
import { expect, test } from "@playwright/test";
import { installArguments, SITE_SETTINGS } from "../../moodle-stack/containers/moodle-container.ts";
import { moodleScriptCommand, REAL_DIR } from "../../moodle-stack/real/moodle-cli.ts";

test("install.php gets the container database's address, decoded credentials and the stack's wwwroot", () => {
  const args = installArguments({
    wwwroot: "https://lms.test:40855",
    dataroot: "/tmp/esb-cdn-x/moodle-y/moodledata",
    dbtype: "mariadb",
    db: new URL("mysql://root:p%40ss%3Aw0rd@localhost:32770/esbtwin"),
    adminPassword: "Esb-abc-1!",
  });
  expect(args).toEqual(
    expect.arrayContaining([
      "--non-interactive",
      "--agree-license",
      "--wwwroot=https://lms.test:40855",
      "--dataroot=/tmp/esb-cdn-x/moodle-y/moodledata",
      "--dbtype=mariadb",
      // "localhost" would make PHP's mysqli use the socket, which the Moodle container does not have.
      "--dbhost=127.0.0.1",
      "--dbport=32770",
      "--dbname=esbmoodle",
      "--dbuser=root",
      "--dbpass=p@ss:w0rd",
      "--prefix=mdl_",
      "--adminpass=Esb-abc-1!",
    ]),
  );
  expect(args.filter((a) => a.startsWith("--dbname="))).toEqual(["--dbname=esbmoodle"]);
});

test("the CDN URL type's site settings: the external type allowed, curl's host and port blocks lifted", () => {
  const byName = Object.fromEntries(SITE_SETTINGS.map((s) => [s.name, s]));
  expect(byName.allowtypeexternal).toEqual({ name: "allowtypeexternal", value: "1", component: "scorm" });
  expect(byName.curlsecurityblockedhosts?.value).toBe("");
  expect(byName.curlsecurityallowedport?.value).toBe("");
});

test("driver scripts run with the local PHP, or with docker exec as the web user inside a Moodle container", () => {
  const local = moodleScriptCommand({ moodleDir: "/srv/moodle", env: {} }, "driver-ops.php", ["x"]);
  expect(local).toEqual(["php", [`${REAL_DIR}/driver-ops.php`, "/srv/moodle", "x"]]);
  const inContainer = moodleScriptCommand(
    {
      moodleDir: "/var/www/html",
      env: {},
      container: { id: "65c942bc9df6", user: "www-data", scriptsDir: "/opt/esb/real" },
    },
    "site-info.php",
    [],
  );
  expect(inContainer).toEqual([
    "docker",
    ["exec", "-i", "-u", "www-data", "65c942bc9df6", "php", "/opt/esb/real/site-info.php", "/var/www/html"],
  ]);
});
