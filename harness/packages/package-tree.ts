// The files of an unpacked package, relative to its root with forward slashes, and helpers to resolve the
// paths a manifest names (URL-decoded, query and fragment dropped, never outside the root).
import { readdir } from "node:fs/promises";
import path from "node:path";

export async function listPackageFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export const isRemote = (href: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//");

/** The package-relative file a manifest href points at, or null when it points outside the package. */
export function packagePath(href: string): string | null {
  const bare = href.replace(/[?#].*$/, "");
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    decoded = bare;
  }
  const normalised = path.posix.normalize(decoded.replace(/\\/g, "/"));
  if (normalised.startsWith("../") || normalised === ".." || normalised.startsWith("/")) return null;
  return normalised.replace(/^\.\//, "");
}
