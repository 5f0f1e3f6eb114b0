// Delivers the outbox to the LMS: one commit at a time, oldest launch first, ops in sequence order and in
// bounded chunks; transient failures are retried on the configured schedule with jitter, session failures wait
// for the learner to sign in again, permanent ones stop and are reported.
import type { BridgeConfig } from "../protocol/bridge-config.ts";
import type { DeliveryState, Op } from "../protocol/messages.ts";
import { LmsApiError, type LmsApiClient } from "./lms-api-client.ts";
import type { Outbox } from "./outbox.ts";
import { retryDelay } from "./retry-schedule.ts";

export interface DeliveryHooks {
  /** `terminated`: the LMS holds the launch's Terminate too. */
  onAck(launchid: string, ackedSeq: number, terminated: boolean): void;
  onState(state: DeliveryState, message: string): void;
}

const MAX_OPS_PER_COMMIT = 1_000;
const MAX_CHARS_PER_COMMIT = 2_000_000;

function chunk(ops: readonly Op[]): Op[] {
  const out: Op[] = [];
  let chars = 0;
  for (const op of ops) {
    chars += op.value.length + op.element.length;
    if (out.length > 0 && (out.length >= MAX_OPS_PER_COMMIT || chars > MAX_CHARS_PER_COMMIT)) break;
    out.push(op);
  }
  return out;
}

export class Delivery {
  private running = false;
  private wanted = false;
  private retries = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private state: DeliveryState = "ok";
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly client: LmsApiClient,
    private readonly outbox: Outbox,
    private config: BridgeConfig,
    private readonly hooks: DeliveryHooks,
    private readonly random: () => number = Math.random,
  ) {}

  setConfig(config: BridgeConfig): void {
    this.config = config;
    this.client.timeoutMs = config.apiTimeoutMs;
  }

  get currentState(): DeliveryState {
    return this.state;
  }

  /** Deliver whatever is pending: now, or at the next scheduled retry while the LMS is failing. */
  kick(terminateLaunch?: string): void {
    if (terminateLaunch) this.outbox.markTerminate(terminateLaunch);
    if (this.state === "failed" || this.state === "signin") return;
    // A retry is scheduled: it takes the new ops along, and the backoff holds whatever the SCO does.
    if (this.timer !== undefined) return;
    this.wanted = true;
    if (!this.running) void this.run();
  }

  /** The learner signed in again: retry from where delivery stopped. */
  resume(): void {
    if (this.state === "signin") this.setState("retrying", "Saving your progress…");
    this.retries = 0;
    this.kick();
  }

  /** Resolves when nothing is pending or delivery cannot go on without help (sign-in, permanent failure). */
  idle(): Promise<void> {
    const nothingLeft = this.outbox.launchIds().length === 0;
    if (!this.running && (nothingLeft || this.state === "failed" || this.state === "signin")) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private setState(state: DeliveryState, message: string): void {
    if (state === this.state && state === "ok") return;
    this.state = state;
    this.hooks.onState(state, message);
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.wanted) {
        this.wanted = false;
        for (const launchid of this.outbox.launchIds()) {
          let pending = this.outbox.pending(launchid);
          for (;;) {
            const ops = chunk(pending);
            // Terminate travels with the last chunk, or alone when everything was delivered already.
            const terminate = ops.length === pending.length && this.outbox.isTerminating(launchid);
            if (ops.length === 0 && !terminate) break;
            const result = await this.client.commit(launchid, ops, terminate);
            this.outbox.acknowledge(launchid, result.ackedseq, terminate);
            this.hooks.onAck(launchid, result.ackedseq, terminate);
            this.retries = 0;
            const first = ops[0];
            if (first && result.ackedseq < first.seq) {
              throw new LmsApiError(
                "permanent",
                "noprogress",
                "The LMS acknowledged none of the changes sent to it",
              );
            }
            const next = this.outbox.pending(launchid);
            pending = next;
            if (pending.length === 0 && !this.outbox.isTerminating(launchid)) break;
          }
        }
      }
      this.setState("ok", "");
    } catch (error) {
      const failure =
        error instanceof LmsApiError
          ? error
          : new LmsApiError("transient", "unknown", error instanceof Error ? error.message : String(error));
      if (failure.kind === "permanent") {
        this.setState(
          "failed",
          `Your progress could not be saved: ${failure.message} (${failure.errorcode}).`,
        );
      } else if (failure.kind === "session") {
        this.setState(
          "signin",
          "Your session has ended. Sign in again to save your progress; nothing has been lost.",
        );
      } else {
        const delay = retryDelay(
          this.retries++,
          this.config.retryScheduleMs,
          this.config.retryJitter,
          this.random,
        );
        this.setState(
          "retrying",
          `Saving your progress is taking longer than usual (${failure.message}); retrying.`,
        );
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.kick();
        }, delay);
      }
    } finally {
      this.running = false;
      if (this.timer === undefined || this.state !== "retrying") this.settle();
    }
  }
}
