// The teacher's live dashboard feed: Server-Sent Events per activity. After a learner's commit the plugin says
// which learner changed (dashboard-feed.ts); the hub reads that learner's rows and pushes them to every dashboard
// open on the activity, so the page updates without reloading (P26).
import type { Response } from "express";
import type { CommitNotice } from "./dashboard-feed.ts";
import type { DashboardRow } from "./teacher-api.ts";

export type DashboardRowsReader = (cmid: number, learnerid: number) => DashboardRow[];

/** One SSE message: the learner whose rows changed, and those rows. */
export function dashboardMessage(learnerid: number, rows: readonly DashboardRow[]): string {
  return `event: learner\ndata: ${JSON.stringify({ learnerid, rows })}\n\n`;
}

export class DashboardHub {
  private readonly streams = new Map<number, Set<Response>>();

  constructor(private readonly rows: DashboardRowsReader) {}

  /** Keeps `res` open as the event stream of the activity's dashboard. */
  subscribe(cmid: number, res: Response): void {
    res.status(200);
    res.setHeader("Content-Type", "text/event-stream; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Accel-Buffering", "no");
    res.flushHeaders();
    res.write("retry: 1000\n: connected\n\n");
    const set = this.streams.get(cmid) ?? new Set<Response>();
    set.add(res);
    this.streams.set(cmid, set);
    res.on("close", () => set.delete(res));
  }

  changed(notice: CommitNotice): void {
    const set = this.streams.get(notice.cmid);
    if (!set || set.size === 0) return;
    let rows: DashboardRow[];
    try {
      rows = this.rows(notice.cmid, notice.learnerid);
    } catch {
      return; // an unreadable value (lost key) leaves the dashboard as it was; the report says why
    }
    const message = dashboardMessage(notice.learnerid, rows);
    for (const res of set) res.write(message);
  }

  /** Ends every open stream (the server is shutting down). */
  close(): void {
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
  }
}
