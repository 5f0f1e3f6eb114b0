// The control API's reading of a CDN profile from untrusted JSON (harness/cdn/cdn-profile-parse.ts): every
// profile the suite uses reads back as itself; anything else is refused with the reason.
import { expect, test } from "@playwright/test";
import { parseCdnProfile } from "../../harness/cdn/cdn-profile-parse.ts";
import { CDN_PROFILE_EXAMPLES } from "../../harness/cdn/cdn-profiles.ts";

test("every example profile reads back as itself, through JSON", () => {
  for (const profile of [...CDN_PROFILE_EXAMPLES, { name: "slow", latencyMs: 0, bytesPerSecond: 1024 }])
    expect(parseCdnProfile(JSON.parse(JSON.stringify(profile)))).toEqual(profile);
});

test("anything else is refused with the reason", () => {
  const refused: Array<[unknown, RegExp]> = [
    [null, /object with a name/],
    [[], /object with a name/],
    [{ name: 3 }, /object with a name/],
    [{ name: "__proto__" }, /unknown profile "__proto__"/],
    [{ name: "good", latencyMs: 5 }, /"good" takes no field latencyMs/],
    [{ name: "frame-denied" }, /via must be/],
    [{ name: "frame-denied", via: "both" }, /via must be/],
    [{ name: "slow", latencyMs: 1.5 }, /latencyMs must be an integer/],
    [{ name: "slow", latencyMs: 10, bytesPerSecond: 0 }, /bytesPerSecond must be an integer/],
    [{ name: "flaky", errorRatio: 2 }, /errorRatio must be from 0 to 1/],
    [{ name: "flaky", errorRatio: "0.5" }, /errorRatio must be from 0 to 1/],
    [{ name: "status", status: 99 }, /status must be an integer from 100 to 599/],
    [{ name: "status", status: 404, extra: true }, /takes no field extra/],
  ];
  for (const [input, reason] of refused)
    expect(() => parseCdnProfile(input), JSON.stringify(input)).toThrow(reason);
});
