// The bench's clock: milliseconds on the wall-clock epoch with sub-millisecond resolution, like the browser's
// performance.timeOrigin + performance.now().
import { performance } from "node:perf_hooks";

export const nowMs = (): number => performance.timeOrigin + performance.now();
