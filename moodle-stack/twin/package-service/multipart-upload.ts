// An upload sent as an HTML form (multipart/form-data), parsed as it streams by busboy: exactly one file part named
// `package` (the zip, streamed into the file with the same limit as a raw upload) and at most one text part `name`.
// Anything else (another file, an unknown field, a missing package part, a broken form) is a 400 naming it, and the
// file is gone.
import type { IncomingMessage } from "node:http";
import { rm } from "node:fs/promises";
import busboy from "busboy";
import { PackageServiceError } from "./service-error.ts";
import { requestAborted, streamIntoFile, type ReceivedUpload } from "./upload-stream.ts";

export const PACKAGE_PART = "package";
export const NAME_PART = "name";

const badForm = (code: string, message: string) => new PackageServiceError(400, code, message);

export async function receiveMultipartUpload(
  req: IncomingMessage,
  file: string,
  maxBytes: number,
): Promise<ReceivedUpload> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { files: 1, fields: 1, fieldSize: 1024, fieldNameSize: 100, headerPairs: 20 },
    });
  } catch (error) {
    throw badForm(
      "invalid-form",
      `The multipart/form-data upload cannot be read: ${(error as Error).message}.`,
    );
  }
  const aborted = requestAborted(req);
  let name: string | undefined;
  let receiving: Promise<number> | undefined;
  const failure = new Promise<never>((_resolve, reject) => {
    const fail = (error: PackageServiceError): void => {
      req.unpipe(parser);
      reject(error);
    };
    parser.on("file", (field, stream) => {
      if (field !== PACKAGE_PART) {
        stream.resume();
        fail(
          badForm(
            "unexpected-part",
            `The form has a file part "${field}"; send the zip as "${PACKAGE_PART}".`,
          ),
        );
        return;
      }
      receiving = streamIntoFile(stream, file, maxBytes, aborted);
      receiving.catch((error: PackageServiceError) => fail(error));
    });
    parser.on("field", (field, value, info) => {
      if (field !== NAME_PART)
        fail(badForm("unexpected-part", `The form has a field "${field}"; it takes "${NAME_PART}" only.`));
      else if (info.valueTruncated)
        fail(badForm("invalid-parameter", "name must be at most 255 characters."));
      else name = value;
    });
    parser.on("filesLimit", () =>
      fail(badForm("unexpected-part", "The form has more than one file; send one package.")),
    );
    parser.on("fieldsLimit", () =>
      fail(badForm("unexpected-part", `The form has more than one "${NAME_PART}" field.`)),
    );
    parser.on("error", (error: Error) =>
      fail(badForm("invalid-form", `The multipart/form-data upload is broken: ${error.message}.`)),
    );
  });
  failure.catch(() => undefined); // raced below
  const parsed = new Promise<void>((resolve) => parser.on("close", () => resolve()));
  req.pipe(parser);
  try {
    await Promise.race([parsed, failure, aborted]);
    if (!receiving)
      throw badForm("missing-package", `The form has no file part "${PACKAGE_PART}" holding the zip.`);
    const bytes = await Promise.race([receiving, failure]);
    return name === undefined ? { bytes } : { bytes, name };
  } catch (error) {
    await receiving?.catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  }
}
