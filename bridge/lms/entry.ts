import { startPlayer } from "./main.ts";

startPlayer(document).catch((error: unknown) => {
  const el = document.getElementById("esb-message");
  if (el)
    el.textContent = `The activity could not start: ${error instanceof Error ? error.message : String(error)}`;
});
