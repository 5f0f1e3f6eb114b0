// The LMS-side outbox: every op the frame handed over, per launch, and whether the SCO terminated that launch,
// kept in the LMS origin's localStorage until the LMS acknowledges it, so a reload or crash loses nothing and
// the next launch of the activity replays it.
import { parseOp, type Op } from "../protocol/messages.ts";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface LaunchEntry {
  ops: Op[];
  terminate: boolean;
}

export class Outbox {
  private readonly launches = new Map<string, LaunchEntry>();
  /** Set when the browser refused to store the outbox (quota, private mode): ops then live in memory only. */
  persistError: string | null = null;

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly key: string,
  ) {
    this.load();
  }

  private load(): void {
    try {
      const raw = this.store?.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as unknown) : [];
      if (!Array.isArray(parsed)) return;
      for (const entry of parsed as Array<{ launchid?: unknown; ops?: unknown; terminate?: unknown }>) {
        if (typeof entry?.launchid !== "string" || !Array.isArray(entry.ops)) continue;
        const ops = entry.ops.map(parseOp).filter((op): op is Op => op !== null);
        this.launches.set(entry.launchid, { ops, terminate: entry.terminate === true });
      }
    } catch {
      this.launches.clear();
    }
  }

  private persist(): void {
    try {
      const entries = [...this.launches]
        .filter(([, e]) => e.ops.length > 0 || e.terminate)
        .map(([launchid, e]) => ({ launchid, ops: e.ops, terminate: e.terminate }));
      if (entries.length === 0) this.store?.removeItem(this.key);
      else this.store?.setItem(this.key, JSON.stringify(entries));
      this.persistError = null;
    } catch (error) {
      this.persistError = error instanceof Error ? error.message : String(error);
    }
  }

  private entry(launchid: string): LaunchEntry {
    let e = this.launches.get(launchid);
    if (!e) {
      e = { ops: [], terminate: false };
      this.launches.set(launchid, e);
    }
    return e;
  }

  add(launchid: string, ops: readonly Op[]): void {
    if (ops.length === 0) return;
    const e = this.entry(launchid);
    const known = new Set(e.ops.map((op) => op.seq));
    e.ops = [...e.ops, ...ops.filter((op) => !known.has(op.seq))].sort((a, b) => a.seq - b.seq);
    this.persist();
  }

  /** The SCO terminated this launch: the LMS must be told, even after every op was delivered. */
  markTerminate(launchid: string): void {
    this.entry(launchid).terminate = true;
    this.persist();
  }

  isTerminating(launchid: string): boolean {
    return this.launches.get(launchid)?.terminate === true;
  }

  /** Drops every op of the launch up to and including `ackedSeq`; `terminated` clears the terminate mark. */
  acknowledge(launchid: string, ackedSeq: number, terminated = false): void {
    const e = this.launches.get(launchid);
    if (!e) return;
    const rest = e.ops.filter((op) => op.seq > ackedSeq);
    if (rest.length === e.ops.length && !(terminated && e.terminate)) return;
    e.ops = rest;
    if (terminated) e.terminate = false;
    if (e.ops.length === 0 && !e.terminate) this.launches.delete(launchid);
    this.persist();
  }

  pending(launchid: string): readonly Op[] {
    return this.launches.get(launchid)?.ops ?? [];
  }

  /** Launches with undelivered ops or an undelivered Terminate, oldest first. */
  launchIds(): string[] {
    return [...this.launches].filter(([, e]) => e.ops.length > 0 || e.terminate).map(([id]) => id);
  }
}

export function outboxKey(wwwroot: string, userid: number, cmid: number, scoid: number): string {
  return `esb.outbox.v1|${wwwroot}|${userid}|${cmid}|${scoid}`;
}
