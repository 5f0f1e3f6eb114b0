// Starts the stack a run selected (ESB_STACK, set by `pnpm conformance --stack`): embedded by default, or the
// containers stack (the twin on MySQL in a container, or with ESB_MOODLE_IMAGE a Moodle container; the mock CDN in
// a container either way), or a real Moodle on this machine (moodle-stack.ts), each loaded only when selected so
// that an embedded run never loads Testcontainers or mysql2.
import { startEmbeddedStack, type EmbeddedStack, type EmbeddedStackOptions } from "./embedded-stack.ts";

export type StackName = "embedded" | "containers" | "moodle";

export function selectedStack(env: NodeJS.ProcessEnv = process.env): StackName {
  const name = env.ESB_STACK || "embedded";
  if (name !== "embedded" && name !== "containers" && name !== "moodle")
    throw new Error(`ESB_STACK="${name}" names no stack; stacks: embedded, containers, moodle`);
  return name;
}

export async function startSelectedStack(
  options: EmbeddedStackOptions,
  name: StackName = selectedStack(),
): Promise<EmbeddedStack> {
  if (name === "embedded") return startEmbeddedStack(options);
  if (name === "moodle") {
    const { startMoodleStack } = await import("./moodle-stack.ts");
    return startMoodleStack(options);
  }
  if (process.env.ESB_MOODLE_IMAGE) {
    // A real Moodle in a container beside its MySQL container (moodle-stack/containers/moodle-container.ts).
    const { startRealMoodleStack } = await import("./moodle-stack.ts");
    const { moodleContainerBackend } = await import("../../moodle-stack/containers/moodle-container.ts");
    const { startMockCdnContainer } = await import("../../moodle-stack/containers/mock-cdn-container.ts");
    return startRealMoodleStack(
      { ...options, cdnSite: startMockCdnContainer },
      moodleContainerBackend(process.env.ESB_MOODLE_IMAGE),
    );
  }
  const { startContainersStack } = await import("./start-containers-stack.ts");
  return startContainersStack(options);
}
