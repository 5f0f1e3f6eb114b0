// SCORM 1.2 cmi.comments is appended to (SCORM 1.2 RTE 3.4.2; Moodle's 1.2 player, golden s12_interactions_objectives):
// the bridge's runtime facade reads back and reports to the LMS the whole text, across a relaunch too.
import { expect, test } from "@playwright/test";
import * as scorm12 from "scorm-again/scorm12";
import type { RuntimeConstructor } from "../../bridge/frame/runtime-loader.ts";
import { createSeededApi } from "../../bridge/frame/scorm-runtime.ts";

const Runtime = (scorm12 as unknown as { Scorm12API: RuntimeConstructor }).Scorm12API;

function session(values: Array<[string, string]> = []) {
  const changes: Array<[string, string]> = [];
  const api = createSeededApi(
    { launchId: "l", version: "1.2", scoUrl: "https://cdn.test/sco.html", values, batchMs: 50 },
    { onChange: (e, v) => changes.push([e, v]), onFlush: () => undefined, deliveryFailed: () => false },
    Runtime,
  );
  expect(api.LMSInitialize!("")).toBe("true");
  return { api, changes };
}

test("1.2 cmi.comments: each LMSSetValue appends; the LMS is sent the whole text", () => {
  const { api, changes } = session();
  expect(api.LMSSetValue!("cmi.comments", "first.")).toBe("true");
  expect(api.LMSSetValue!("cmi.comments", " second.")).toBe("true");
  expect(api.LMSGetValue!("cmi.comments")).toBe("first. second.");
  expect(changes).toEqual([
    ["cmi.comments", "first."],
    ["cmi.comments", "first. second."],
  ]);
});

test("1.2 cmi.comments: a relaunch appends to the stored comments", () => {
  const { api, changes } = session([["cmi.comments", "first. second."]]);
  expect(api.LMSSetValue!("cmi.comments", " third.")).toBe("true");
  expect(api.LMSGetValue!("cmi.comments")).toBe("first. second. third.");
  expect(changes).toEqual([["cmi.comments", "first. second. third."]]);
});

test("1.2 cmi.comments: an append past CMIString4096 is refused whole and changes nothing", () => {
  const { api, changes } = session([["cmi.comments", "x".repeat(4000)]]);
  expect(api.LMSSetValue!("cmi.comments", "y".repeat(100))).toBe("false");
  expect(api.LMSGetLastError!()).toBe("405");
  expect(api.LMSGetValue!("cmi.comments")).toBe("x".repeat(4000));
  expect(changes).toEqual([]);
});

test("other 1.2 strings are still replaced", () => {
  const { api } = session();
  api.LMSSetValue!("cmi.core.lesson_location", "a");
  api.LMSSetValue!("cmi.core.lesson_location", "b");
  expect(api.LMSGetValue!("cmi.core.lesson_location")).toBe("b");
});
