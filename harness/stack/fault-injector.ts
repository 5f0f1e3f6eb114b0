// Fault injection in front of the LMS: for requests whose URL matches, answer an HTTP error, delay, reset the
// connection before the LMS sees the request, or let the LMS apply it and then drop the answer.
import type { NextFunction, Request, Response } from "express";

export type Fault =
  | { kind: "status"; status: number }
  | { kind: "delay"; ms: number }
  | { kind: "reset" }
  /** The connection breaks after the answer's headers: the browser cannot resend it on its own. */
  | { kind: "reset-mid-answer" }
  | { kind: "drop-response" };

interface Rule {
  match: RegExp;
  fault: Fault;
  remaining: number;
}

export interface FaultEvent {
  url: string;
  at: number;
  fault: Fault["kind"] | "none";
  /** For a delayed request: when the client gave up on it (the connection closed before the answer). */
  abortedAt?: number;
}

export class FaultInjector {
  private rules: Rule[] = [];
  /** Every request that matched a rule's pattern, with the fault applied (or none once it was used up). */
  readonly events: FaultEvent[] = [];
  private watched: RegExp[] = [];

  /** Applies `fault` to the next `times` requests whose URL matches (Infinity: until cleared). */
  inject(match: RegExp, fault: Fault, times = 1): void {
    this.rules.push({ match, fault, remaining: times });
    this.watched.push(match);
  }

  /** True once any fault was injected: from then on requests are matched and recorded (events). */
  watching(): boolean {
    return this.watched.length > 0;
  }

  clear(): void {
    this.rules = [];
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const url = req.originalUrl;
      const rule = this.rules.find((r) => r.remaining > 0 && r.match.test(url));
      if (!rule) {
        if (this.watched.some((m) => m.test(url))) this.events.push({ url, at: Date.now(), fault: "none" });
        next();
        return;
      }
      rule.remaining -= 1;
      const event: FaultEvent = { url, at: Date.now(), fault: rule.fault.kind };
      this.events.push(event);
      const fault = rule.fault;
      switch (fault.kind) {
        case "status":
          res.status(fault.status).type("text/plain").send(`Injected HTTP ${fault.status}`);
          return;
        case "delay":
          res.on("close", () => {
            if (!res.writableFinished) event.abortedAt ??= Date.now();
          });
          setTimeout(next, fault.ms);
          return;
        case "reset":
          req.socket.destroy();
          return;
        case "reset-mid-answer":
          res.writeHead(200, { "Content-Type": "application/json" });
          res.write("[{");
          setTimeout(() => req.socket.destroy(), 20);
          return;
        case "drop-response":
          res.writeHead = (() => {
            req.socket.destroy();
            return res;
          }) as unknown as Response["writeHead"];
          next();
          return;
      }
    };
  }
}
