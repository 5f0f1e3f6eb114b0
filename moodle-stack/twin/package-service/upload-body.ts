// Receives an upload: the raw request body (Content-Type application/zip) streamed into a file, counted while it
// streams; past the limit the file is removed and 413 answered, without reading the rest into memory or disk.
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PackageServiceError } from "./service-error.ts";

export const ZIP_CONTENT_TYPES = ["application/zip", "application/x-zip-compressed"];

const tooLarge = (maxBytes: number, detail: string) =>
  new PackageServiceError(
    413,
    "package-too-large",
    `The upload is larger than the limit of ${maxBytes} bytes (${detail}); ESB_PACKAGE_MAX_BYTES sets it.`,
    { maxBytes },
  );

/** Refuses a request that is not a zip upload, or announces more bytes than the limit, before reading it. */
export function checkUploadHeaders(req: IncomingMessage, maxBytes: number): void {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (!ZIP_CONTENT_TYPES.includes(type))
    throw new PackageServiceError(
      415,
      "unsupported-media-type",
      `Upload the package as the raw request body with Content-Type application/zip (got "${type || "none"}").`,
    );
  const declared = Number(req.headers["content-length"]);
  if (req.headers["content-length"] !== undefined && declared > maxBytes)
    throw tooLarge(maxBytes, `Content-Length ${declared}`);
}

/** Streams the body into `file`; returns its size. On any failure the file is gone. */
export async function receiveUpload(req: IncomingMessage, file: string, maxBytes: number): Promise<number> {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes) {
        req.unpipe(counter);
        callback(tooLarge(maxBytes, `more than ${maxBytes} bytes arrived`));
        return;
      }
      callback(null, chunk);
    },
  });
  const aborted = new Promise<never>((_resolve, reject) => {
    req.once("aborted", () =>
      reject(new PackageServiceError(400, "upload-aborted", "The upload was cut off.")),
    );
  });
  aborted.catch(() => undefined); // only raced while receiving
  try {
    req.pipe(counter);
    await Promise.race([pipeline(counter, createWriteStream(file, { flags: "wx" })), aborted]);
  } catch (error) {
    counter.destroy();
    await rm(file, { force: true });
    throw error;
  }
  if (received === 0) {
    await rm(file, { force: true });
    throw new PackageServiceError(400, "empty-upload", "The request body is empty: send the package zip.");
  }
  return received;
}
