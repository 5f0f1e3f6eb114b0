// An upload's bytes into a file: counted while they stream, cut off past the limit (413) without reading the rest
// into memory or disk, removed on any failure. Used for the raw body and for a form's file part alike.
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PackageServiceError } from "./service-error.ts";

/** What arrived: the zip's size, and the `name` form field when the upload was a form. */
export interface ReceivedUpload {
  bytes: number;
  name?: string;
}

export const tooLarge = (maxBytes: number, detail: string) =>
  new PackageServiceError(
    413,
    "package-too-large",
    `The upload is larger than the limit of ${maxBytes} bytes (${detail}); ESB_PACKAGE_MAX_BYTES sets it.`,
    { maxBytes },
  );

/**
 * Streams `source` into `file` (created, never overwritten) and returns its size; more than `maxBytes` is a 413,
 * an empty one a 400, `cutOff` (the client went away) races the copy. On any failure the file is gone.
 */
export async function streamIntoFile(
  source: Readable,
  file: string,
  maxBytes: number,
  cutOff: Promise<never>,
): Promise<number> {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes) {
        source.unpipe(counter);
        callback(tooLarge(maxBytes, `more than ${maxBytes} bytes arrived`));
        return;
      }
      callback(null, chunk);
    },
  });
  cutOff.catch(() => undefined); // only raced while receiving
  try {
    source.pipe(counter);
    await Promise.race([pipeline(counter, createWriteStream(file, { flags: "wx" })), cutOff]);
  } catch (error) {
    counter.destroy();
    await rm(file, { force: true });
    throw error;
  }
  if (received === 0) {
    await rm(file, { force: true });
    throw new PackageServiceError(
      400,
      "empty-upload",
      "The uploaded package is empty: send the package zip.",
    );
  }
  return received;
}

/** Rejects when the client aborts the request. */
export function requestAborted(req: IncomingMessage): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    req.once("aborted", () =>
      reject(new PackageServiceError(400, "upload-aborted", "The upload was cut off.")),
    );
  });
}
