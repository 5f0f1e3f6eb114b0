import { expect, test } from "@playwright/test";
import { navigationTarget, playerUrl } from "../../bridge/lms/navigation.ts";

const toc = [
  { scoid: 11, identifier: "A" },
  { scoid: 12, identifier: "B" },
  { scoid: 13, identifier: "C" },
];

test("navigation requests resolve to the SCO they name, or to nothing", () => {
  expect(navigationTarget("continue", toc, 11)).toBe(12);
  expect(navigationTarget("continue", toc, 13)).toBeNull();
  expect(navigationTarget("previous", toc, 12)).toBe(11);
  expect(navigationTarget("previous", toc, 11)).toBeNull();
  expect(navigationTarget("{target=C}choice", toc, 11)).toBe(13);
  expect(navigationTarget("{target=Z}choice", toc, 11)).toBeNull();
  for (const r of ["exit", "exitAll", "suspendAll", "abandon", "_none_", ""])
    expect(navigationTarget(r, toc, 11)).toBeNull();
  expect(playerUrl("https://lms.test:1", 5, 13)).toBe(
    "https://lms.test:1/mod/scorm/player.php?cm=5&scoid=13",
  );
});
