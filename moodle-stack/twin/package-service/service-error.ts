// The package service's errors: an HTTP status, a stable code and a sentence; answered as JSON
// `{ "error": { "code", "message", ...details } }`.
import type { Response } from "express";

export class PackageServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "PackageServiceError";
  }

  toJSON(): { code: string; message: string } & Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export function sendServiceError(res: Response, error: PackageServiceError): void {
  res.setHeader("Cache-Control", "no-store");
  res.status(error.status).json({ error: error.toJSON() });
}
