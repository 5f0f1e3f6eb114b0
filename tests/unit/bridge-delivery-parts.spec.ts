import { expect, test } from "@playwright/test";
import fc from "fast-check";
import {
  BridgeConfigError,
  DEFAULT_BRIDGE_CONFIG,
  validateBridgeConfig,
} from "../../bridge/protocol/bridge-config.ts";
import { commitRequestBody } from "../../bridge/lms/lms-api-client.ts";
import { Outbox, type KeyValueStore } from "../../bridge/lms/outbox.ts";
import { retryDelay } from "../../bridge/lms/retry-schedule.ts";
import { unloadBatch } from "../../bridge/lms/unload-flush.ts";

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  failWrites = false;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error("QuotaExceededError");
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const op = (seq: number, element = "cmi.location", value = `v${seq}`) => ({ seq, element, value });

test("the outbox survives a new page, merges duplicates and forgets what was acknowledged", () => {
  const store = new MemoryStore();
  const first = new Outbox(store, "k");
  first.add("L1", [op(1), op(2)]);
  first.add("L1", [op(2), op(3)]);
  first.add("L2", [op(1, "cmi.suspend_data")]);
  const second = new Outbox(store, "k");
  expect(second.launchIds()).toEqual(["L1", "L2"]);
  expect(second.pending("L1").map((o) => o.seq)).toEqual([1, 2, 3]);
  second.acknowledge("L1", 2);
  second.acknowledge("L2", 1);
  expect(new Outbox(store, "k").pending("L1").map((o) => o.seq)).toEqual([3]);
  second.acknowledge("L1", 3);
  expect(store.data.has("k")).toBe(false);
});

test("the outbox ignores corrupt storage and reports when the browser refuses to store", () => {
  const store = new MemoryStore();
  store.data.set("k", "{not json");
  expect(new Outbox(store, "k").launchIds()).toEqual([]);
  store.data.set("k", JSON.stringify([{ launchid: "L", ops: [op(1), { seq: "x" }] }]));
  expect(new Outbox(store, "k").pending("L")).toEqual([op(1)]);
  store.failWrites = true;
  const outbox = new Outbox(store, "k");
  outbox.add("L", [op(2)]);
  expect(outbox.persistError).toContain("Quota");
  expect(outbox.pending("L").map((o) => o.seq)).toEqual([1, 2]);
});

test("retry delays follow the schedule, repeat its last step and stay within the jitter", () => {
  const schedule = [1000, 2000, 4000, 8000, 30000];
  expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryDelay(n, schedule, 0))).toEqual([
    1000, 2000, 4000, 8000, 30000, 30000, 30000,
  ]);
  fc.assert(
    fc.property(
      fc.nat({ max: 50 }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      (n, jitter, r) => {
        const base = schedule[Math.min(n, schedule.length - 1)]!;
        const d = retryDelay(n, schedule, jitter, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(base * (1 - jitter)));
        expect(d).toBeLessThanOrEqual(Math.ceil(base * (1 + jitter)));
      },
    ),
  );
});

test("the unload batch keeps the latest value per element, most important first, within the budget", () => {
  const ops = [
    op(1, "cmi.suspend_data", "x".repeat(40_000)),
    op(2, "cmi.core.lesson_location", "p1"),
    op(3, "cmi.core.lesson_status", "incomplete"),
    op(4, "cmi.core.score.raw", "50"),
    op(5, "cmi.core.lesson_status", "passed"),
    op(6, "cmi.comments", "y".repeat(30_000)),
  ];
  const batch = unloadBatch("L", ops, 60 * 1024);
  expect(batch.map((o) => o.seq)).toEqual([1, 2, 4, 5]);
  expect(new TextEncoder().encode(commitRequestBody("L", batch, false)).byteLength).toBeLessThanOrEqual(
    60 * 1024,
  );
  expect(unloadBatch("L", ops, 300).map((o) => o.element)).toEqual([
    "cmi.core.lesson_location",
    "cmi.core.score.raw",
    "cmi.core.lesson_status",
  ]);
  expect(unloadBatch("L", ops, 200).map((o) => o.element)).toEqual(["cmi.core.lesson_status"]);
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          seq: fc.nat(),
          element: fc.constantFrom("cmi.a", "cmi.b", "cmi.suspend_data"),
          value: fc.string({ maxLength: 3000 }),
        }),
      ),
      fc.integer({ min: 100, max: 70_000 }),
      (list, budget) => {
        const chosen = unloadBatch("L", list, budget);
        if (chosen.length > 0) {
          expect(
            new TextEncoder().encode(commitRequestBody("L", chosen, false)).byteLength,
          ).toBeLessThanOrEqual(budget);
        }
        expect(new Set(chosen.map((o) => o.element)).size).toBe(chosen.length);
      },
    ),
  );
});

test("bridge settings are validated and every bad value is named", () => {
  expect(validateBridgeConfig({})).toEqual(DEFAULT_BRIDGE_CONFIG);
  expect(validateBridgeConfig({ retryScheduleMs: [100, 200] }).retryScheduleMs).toEqual([100, 200]);
  expect(() => validateBridgeConfig({ retryScheduleMs: [] })).toThrow(/retryScheduleMs must be a list/);
  expect(() => validateBridgeConfig({ retryScheduleMs: [5] })).toThrow(/between 10 ms and 1 hour/);
  expect(() => validateBridgeConfig({ apiTimeoutMs: 10, retryJitter: 2 })).toThrow(
    /retryJitter.*apiTimeoutMs/,
  );
  expect(() => validateBridgeConfig({ handshakeTimeoutMs: Number.NaN })).toThrow(BridgeConfigError);
  expect(() => validateBridgeConfig({ changeBatchMs: "50" })).toThrow(/changeBatchMs/);
});
