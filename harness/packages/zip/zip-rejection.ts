// Why a zip was refused: one code per rule, with a message a package author can act on.

export type ZipRejectionCode =
  | "archive-too-large"
  | "too-many-entries"
  | "too-large-uncompressed"
  | "compression-ratio"
  | "path-too-long"
  | "absolute-path"
  | "zip-slip"
  | "symlink"
  | "duplicate-name"
  | "encrypted"
  | "unreadable";

export class ZipRejectedError extends Error {
  constructor(
    readonly code: ZipRejectionCode,
    message: string,
    /** The entry name as stored in the zip, when one entry is at fault. */
    readonly entry?: string,
  ) {
    super(message);
    this.name = "ZipRejectedError";
  }
}
