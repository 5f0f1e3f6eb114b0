// Starts the stack a run selected (ESB_STACK, set by `pnpm conformance --stack`): embedded by default, or the
// containers stack, loaded only when selected so that an embedded run never loads Testcontainers.
import { startEmbeddedStack, type EmbeddedStack, type EmbeddedStackOptions } from "./embedded-stack.ts";

export type StackName = "embedded" | "containers";

export function selectedStack(env: NodeJS.ProcessEnv = process.env): StackName {
  const name = env.ESB_STACK || "embedded";
  if (name !== "embedded" && name !== "containers")
    throw new Error(`ESB_STACK="${name}" names no stack; stacks: embedded, containers`);
  return name;
}

export async function startSelectedStack(
  options: EmbeddedStackOptions,
  name: StackName = selectedStack(),
): Promise<EmbeddedStack> {
  if (name === "embedded") return startEmbeddedStack(options);
  const { startContainersStack } = await import("./start-containers-stack.ts");
  return startContainersStack(options);
}
