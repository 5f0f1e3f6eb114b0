// Paces a response's body at a given number of bytes per second (a slow CDN), in 50 ms slices.
import type { Response } from "express";

const SLICE_MS = 50;

export function throttleResponse(res: Response, bytesPerSecond: number | undefined): void {
  if (!bytesPerSecond || bytesPerSecond <= 0) return;
  const perSlice = Math.max(1, Math.floor((bytesPerSecond * SLICE_MS) / 1000));
  const write = res.write.bind(res) as (chunk: Buffer) => boolean;
  const end = res.end.bind(res) as (chunk?: Buffer) => Response;
  const queue: Buffer[] = [];
  let ending = false;
  let timer: NodeJS.Timeout | undefined;
  const pump = (): void => {
    timer = undefined;
    let budget = perSlice;
    while (budget > 0 && queue.length > 0) {
      const head = queue[0] as Buffer;
      const piece = head.subarray(0, budget);
      write(piece);
      budget -= piece.byteLength;
      if (piece.byteLength === head.byteLength) queue.shift();
      else queue[0] = head.subarray(piece.byteLength);
    }
    if (queue.length > 0) timer = setTimeout(pump, SLICE_MS);
    else if (ending) end();
  };
  const enqueue = (chunk: unknown): void => {
    if (typeof chunk === "string") queue.push(Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) queue.push(Buffer.from(chunk));
    if (!timer) timer = setTimeout(pump, SLICE_MS);
  };
  res.write = ((chunk: unknown) => {
    enqueue(chunk);
    return true;
  }) as Response["write"];
  res.end = ((chunk?: unknown) => {
    if (chunk !== undefined && typeof chunk !== "function") enqueue(chunk);
    ending = true;
    if (!timer) timer = setTimeout(pump, SLICE_MS);
    return res;
  }) as Response["end"];
  res.on("close", () => clearTimeout(timer));
}
