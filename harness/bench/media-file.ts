// A deterministic stand-in for a large media file: xorshift32 bytes from a fixed seed, so every run serves
// the same content (incompressible, like real video) without reading the OS's randomness.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export function deterministicBytes(length: number, seed = 0x2545f491): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    words[i] = x;
  }
  return Buffer.from(words.buffer, 0, length);
}

export async function writeMediaFile(file: string, length: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, deterministicBytes(length));
}
