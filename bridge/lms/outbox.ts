// The LMS-side outbox: every op the frame handed over, per launch, kept in the LMS origin's localStorage until
// the LMS acknowledges it, so a reload or crash loses nothing and the next launch of the activity replays it.
import { parseOp, type Op } from "../protocol/messages.ts";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface StoredLaunch {
  launchid: string;
  ops: Op[];
}

export class Outbox {
  private readonly launches = new Map<string, Op[]>();
  /** Set when the browser refused to store the outbox (quota, private mode): ops then live in memory only. */
  persistError: string | null = null;

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly key: string,
  ) {
    for (const entry of this.load()) this.launches.set(entry.launchid, entry.ops);
  }

  private load(): StoredLaunch[] {
    try {
      const raw = this.store?.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as unknown) : [];
      if (!Array.isArray(parsed)) return [];
      return parsed.flatMap((entry: { launchid?: unknown; ops?: unknown }) => {
        if (typeof entry?.launchid !== "string" || !Array.isArray(entry.ops)) return [];
        const ops = entry.ops.map(parseOp).filter((op): op is Op => op !== null);
        return ops.length > 0 ? [{ launchid: entry.launchid, ops }] : [];
      });
    } catch {
      return [];
    }
  }

  private persist(): void {
    try {
      const entries = [...this.launches]
        .filter(([, ops]) => ops.length > 0)
        .map(([launchid, ops]) => ({ launchid, ops }));
      if (entries.length === 0) this.store?.removeItem(this.key);
      else this.store?.setItem(this.key, JSON.stringify(entries));
      this.persistError = null;
    } catch (error) {
      this.persistError = error instanceof Error ? error.message : String(error);
    }
  }

  add(launchid: string, ops: readonly Op[]): void {
    if (ops.length === 0) return;
    const current = this.launches.get(launchid) ?? [];
    const known = new Set(current.map((op) => op.seq));
    const merged = [...current, ...ops.filter((op) => !known.has(op.seq))].sort((a, b) => a.seq - b.seq);
    this.launches.set(launchid, merged);
    this.persist();
  }

  /** Drops every op of the launch up to and including `ackedSeq`. */
  acknowledge(launchid: string, ackedSeq: number): void {
    const ops = this.launches.get(launchid);
    if (!ops) return;
    const rest = ops.filter((op) => op.seq > ackedSeq);
    if (rest.length === ops.length) return;
    if (rest.length === 0) this.launches.delete(launchid);
    else this.launches.set(launchid, rest);
    this.persist();
  }

  pending(launchid: string): readonly Op[] {
    return this.launches.get(launchid) ?? [];
  }

  /** Launches with undelivered ops, oldest first. */
  launchIds(): string[] {
    return [...this.launches].filter(([, ops]) => ops.length > 0).map(([id]) => id);
  }
}

export function outboxKey(wwwroot: string, userid: number, cmid: number, scoid: number): string {
  return `esb.outbox.v1|${wwwroot}|${userid}|${cmid}|${scoid}`;
}
