// Publishes into an S3-compatible bucket (AWS S3, R2, MinIO...) with the AWS SDK: one PutObject per file,
// streamed, with its content type, under <prefix><name>/; the package is then served from a public base URL
// (the bucket's website or the CDN in front of it).
import { createReadStream } from "node:fs";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { contentTypeFor } from "./content-types.ts";
import { assertPackageName, encodePath, publishFiles, type PackagePublisher } from "./publisher.ts";

export interface S3PublisherOptions {
  bucket: string;
  region: string;
  /** Endpoint of an S3-compatible service; AWS's own when absent. */
  endpoint?: string;
  /** Path-style addressing (needed by most S3-compatible services and local fakes). */
  forcePathStyle?: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Key prefix inside the bucket, e.g. "scorm/"; "" by default. */
  prefix?: string;
  /** Public URL that serves the bucket's keys (prefix included), e.g. https://cdn.example.com/scorm */
  publicBaseUrl: string;
  cacheControl?: string;
}

export class S3Publisher implements PackagePublisher {
  private readonly client: S3Client;

  constructor(private readonly options: S3PublisherOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async publish(name: string, sourceDir: string, onProgress?: Parameters<PackagePublisher["publish"]>[2]) {
    assertPackageName(name);
    const prefix = `${this.options.prefix ?? ""}${name}/`;
    const base = `${this.options.publicBaseUrl.replace(/\/$/, "")}/${encodePath(name)}/`;
    return publishFiles(
      base,
      sourceDir,
      async (file) => {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.options.bucket,
            Key: prefix + file.path,
            Body: createReadStream(file.absolute),
            ContentLength: file.size,
            ContentType: contentTypeFor(file.path),
            CacheControl: this.options.cacheControl,
          }),
        );
      },
      onProgress,
    );
  }

  close(): void {
    this.client.destroy();
  }
}
