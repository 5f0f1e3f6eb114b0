// Zip ingestion: a well-formed package is extracted file for file; each hostile zip (built byte by byte) is
// refused by its own rule, with its own code, and nothing is written in or outside the target folder.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { extractZip } from "../../harness/packages/zip/extract-zip.ts";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "../../harness/packages/zip/zip-limits.ts";
import { ZipRejectedError, type ZipRejectionCode } from "../../harness/packages/zip/zip-rejection.ts";
import { rawZip, type RawZipEntry } from "../support/raw-zip.ts";

let work: string;
test.beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "esb-zip-test-"));
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

async function expectRejected(
  entries: readonly RawZipEntry[],
  code: ZipRejectionCode,
  message: RegExp,
  limits: Partial<ZipLimits> = {},
): Promise<void> {
  const zipPath = path.join(work, "hostile.zip");
  await writeFile(zipPath, rawZip(entries));
  const target = path.join(work, "out", "pkg");
  const before = await listTree(work);
  const error = await extractZip(zipPath, target, { ...DEFAULT_ZIP_LIMITS, ...limits }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZipRejectedError);
  expect((error as ZipRejectedError).code).toBe(code);
  expect((error as ZipRejectedError).message).toMatch(message);
  const after = (await listTree(work)).filter((p) => !p.startsWith(path.join("out", "pkg") + path.sep));
  expect(after.filter((p) => p !== "out" && p !== path.join("out", "pkg"))).toEqual(before);
  await rm(path.join(work, "out"), { recursive: true, force: true });
}

const manifest: RawZipEntry = { name: "imsmanifest.xml", data: "<manifest/>" };

test("a well-formed zip is extracted with its folders, stored and deflated entries, byte for byte", async () => {
  const big = Buffer.alloc(200_000, 7);
  const zipPath = path.join(work, "ok.zip");
  await writeFile(
    zipPath,
    rawZip([
      manifest,
      { name: "content/", method: 0 },
      { name: "content/page.html", data: "<p>héllo</p>", method: 0 },
      { name: "content\\media\\clip.bin", data: big },
      { name: "./content/./x.js", data: "x()" },
    ]),
  );
  const target = path.join(work, "pkg");
  const result = await extractZip(zipPath, target);
  expect(result.files).toEqual([
    "imsmanifest.xml",
    "content/page.html",
    "content/media/clip.bin",
    "content/x.js",
  ]);
  expect(result.totalBytes).toBe(11 + Buffer.byteLength("<p>héllo</p>") + big.length + 3);
  expect(await readFile(path.join(target, "content/page.html"), "utf8")).toBe("<p>héllo</p>");
  expect((await readFile(path.join(target, "content/media/clip.bin"))).equals(big)).toBe(true);
});

test("a zip larger than the archive limit is refused before it is opened", async () => {
  await expectRejected(
    [manifest, { name: "a.bin", data: Buffer.alloc(5000, 1), method: 0 }],
    "archive-too-large",
    /over the limit of 1000/,
    {
      maxArchiveBytes: 1000,
    },
  );
});

test("too many entries are refused", async () => {
  const many = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.txt`, data: "x" }));
  await expectRejected(many, "too-many-entries", /12 entries, over the limit of 10/, { maxEntries: 10 });
});

test("a zip that unpacks past the total size limit is refused", async () => {
  const entries = Array.from({ length: 4 }, (_, i) => ({
    name: `f${i}.bin`,
    data: Buffer.alloc(400, i),
    method: 0 as const,
  }));
  await expectRejected(entries, "too-large-uncompressed", /more than 1000 bytes \(reached at "f2.bin"\)/, {
    maxTotalBytes: 1000,
  });
});

test("an entry with a bomb-like compression ratio is refused", async () => {
  await expectRejected(
    [manifest, { name: "zeros.bin", data: Buffer.alloc(4 * 1024 * 1024) }],
    "compression-ratio",
    /zeros\.bin" expands \d+-fold/,
  );
});

test("an over-long entry path is refused", async () => {
  await expectRejected(
    [{ name: `${"d/".repeat(130)}f.txt`, data: "x" }],
    "path-too-long",
    /265 characters long, over the limit of 240/,
  );
});

test("absolute paths are refused, Unix and Windows style", async () => {
  await expectRejected(
    [manifest, { name: "/tmp/evil.txt", data: "x" }],
    "absolute-path",
    /"\/tmp\/evil.txt" has an absolute path/,
  );
  await expectRejected(
    [manifest, { name: "C:\\evil.txt", data: "x" }],
    "absolute-path",
    /"C:\/evil.txt" has an absolute path/,
  );
});

test("entries climbing out with .. are refused (zip-slip), also behind folders and backslashes", async () => {
  await expectRejected(
    [manifest, { name: "../evil.txt", data: "x" }],
    "zip-slip",
    /"..\/evil.txt" climbs out/,
  );
  await expectRejected([manifest, { name: "content/../../evil.txt", data: "x" }], "zip-slip", /climbs out/);
  await expectRejected(
    [manifest, { name: "content\\..\\..\\evil.txt", data: "x" }],
    "zip-slip",
    /climbs out/,
  );
});

test("symbolic links are refused", async () => {
  await expectRejected(
    [manifest, { name: "link", data: "/etc/passwd", method: 0, unixMode: 0o120777 }],
    "symlink",
    /"link" is a symbolic link/,
  );
});

test("duplicate names are refused, also when they differ only by case", async () => {
  await expectRejected(
    [manifest, { name: "a.txt", data: "1" }, { name: "a.txt", data: "2" }],
    "duplicate-name",
    /"a.txt" appears more than once/,
  );
  await expectRejected(
    [manifest, { name: "A.txt", data: "1" }, { name: "a.txt", data: "2" }],
    "duplicate-name",
    /differ only by letter case/,
  );
});

test("encrypted entries are refused", async () => {
  await expectRejected(
    [manifest, { name: "secret.html", data: "x", method: 0, flags: 0x1, rawData: Buffer.alloc(13, 0xaa) }],
    "encrypted",
    /"secret.html" is encrypted/,
  );
});

test("a file that is not a zip is refused as unreadable", async () => {
  const zipPath = path.join(work, "not.zip");
  await writeFile(zipPath, "this is not a zip");
  await expect(extractZip(zipPath, path.join(work, "x"))).rejects.toMatchObject({ code: "unreadable" });
});
