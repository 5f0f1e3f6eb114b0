// The published packages the service knows, newest first. Kept in memory for the life of the twin, as its
// sessions are; a package's files live in the CDN storage (cdn-storage.ts).
import type { PackageIssue } from "../../../harness/packages/package-issue.ts";
import type { PackageFacts } from "./package-facts.ts";

export interface PackageRecord extends PackageFacts {
  id: string;
  name: string;
  /** Size of the uploaded zip, bytes. */
  zipBytes: number;
  /** Size of the unpacked files, bytes. */
  bytes: number;
  files: number;
  /** Public CDN URL of the package folder and of its imsmanifest.xml. */
  baseUrl: string;
  manifestUrl: string;
  warnings: PackageIssue[];
  uploadedBy: number;
  uploadedAt: string;
}

export class PackageRegistry {
  private readonly byId = new Map<string, PackageRecord>();

  add(record: PackageRecord): void {
    this.byId.set(record.id, record);
  }

  get(id: string): PackageRecord | undefined {
    return this.byId.get(id);
  }

  list(): PackageRecord[] {
    return [...this.byId.values()].reverse();
  }

  remove(id: string): boolean {
    return this.byId.delete(id);
  }
}
