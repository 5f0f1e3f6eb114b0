// Receives an upload into a file, counted while it streams; past the limit the file is removed and 413 answered,
// without reading the rest into memory or disk. Two forms: the zip as the raw request body (Content-Type
// application/zip), or an HTML form's multipart/form-data with one file part `package` and an optional text part
// `name` (multipart-upload.ts).
import type { IncomingMessage } from "node:http";
import { receiveMultipartUpload } from "./multipart-upload.ts";
import { PackageServiceError } from "./service-error.ts";
import { requestAborted, streamIntoFile, tooLarge, type ReceivedUpload } from "./upload-stream.ts";

export const ZIP_CONTENT_TYPES = ["application/zip", "application/x-zip-compressed"];
export const FORM_CONTENT_TYPE = "multipart/form-data";

const mediaType = (req: IncomingMessage): string =>
  (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();

/** Refuses a request that is not a zip or form upload, or announces more bytes than the limit, before reading it. */
export function checkUploadHeaders(req: IncomingMessage, maxBytes: number): void {
  const type = mediaType(req);
  if (!ZIP_CONTENT_TYPES.includes(type) && type !== FORM_CONTENT_TYPE)
    throw new PackageServiceError(
      415,
      "unsupported-media-type",
      "Upload the package as the raw request body with Content-Type application/zip, or as the file part " +
        `"package" of a multipart/form-data form (got "${type || "none"}").`,
    );
  const declared = Number(req.headers["content-length"]);
  if (req.headers["content-length"] !== undefined && declared > maxBytes)
    throw tooLarge(maxBytes, `Content-Length ${declared}`);
}

/** Receives the upload in whichever form checkUploadHeaders accepted. */
export async function receiveUpload(
  req: IncomingMessage,
  file: string,
  maxBytes: number,
): Promise<ReceivedUpload> {
  if (mediaType(req) === FORM_CONTENT_TYPE) return receiveMultipartUpload(req, file, maxBytes);
  return { bytes: await streamIntoFile(req, file, maxBytes, requestAborted(req)) };
}
