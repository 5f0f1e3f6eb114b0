// Limits applied to a zip before and while it is extracted. The defaults fit real SCORM packages (the largest in
// the corpus is ~10 MB) with room to spare, and stop zip bombs long before they fill a disk.

export interface ZipLimits {
  /** Size of the zip file itself, bytes. */
  maxArchiveBytes: number;
  maxEntries: number;
  /** Sum of all entries' uncompressed sizes, bytes (declared, and enforced again while streaming). */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for one entry, checked for entries above `ratioFloorBytes`. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  /** Longest entry path, in characters. */
  maxPathLength: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = {
  maxArchiveBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxPathLength: 240,
};
