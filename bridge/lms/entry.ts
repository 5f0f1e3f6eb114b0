import { showMessage } from "./learner-messages.ts";
import { startPlayer } from "./main.ts";

startPlayer(window).catch((error: unknown) => {
  showMessage(
    document,
    `The activity could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
});
