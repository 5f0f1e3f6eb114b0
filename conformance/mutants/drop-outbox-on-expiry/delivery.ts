// Mutant: when the LMS says the session is gone, the pending ops are thrown away instead of kept for after the
// learner signs in again (breaks P19).
import type { BridgeConfig } from "../../../bridge/protocol/bridge-config.ts";
import { Delivery as ReferenceDelivery, type DeliveryHooks } from "../../../bridge/lms/delivery.ts";
import type { LmsApiClient } from "../../../bridge/lms/lms-api-client.ts";
import type { Outbox } from "../../../bridge/lms/outbox.ts";

export type { DeliveryHooks };

export class Delivery extends ReferenceDelivery {
  constructor(
    client: LmsApiClient,
    outbox: Outbox,
    config: BridgeConfig,
    hooks: DeliveryHooks,
    random: () => number = Math.random,
  ) {
    super(
      client,
      outbox,
      config,
      {
        ...hooks,
        onState: (state, message) => {
          if (state === "signin") {
            for (const launchid of outbox.launchIds())
              outbox.acknowledge(launchid, Number.MAX_SAFE_INTEGER, true);
          }
          hooks.onState(state, message);
        },
      },
      random,
    );
  }
}
