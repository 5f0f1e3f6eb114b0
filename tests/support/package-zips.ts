// Package zips for the package service's tests: the SCORM 1.2 probe package (manifest, SCO page, probe script),
// optionally with filler files, and its hostile or broken variants.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGES_DIR } from "../../harness/packages/package-files.ts";
import { rawZip, type RawZipEntry } from "./raw-zip.ts";

const probeFile = (name: string) => readFileSync(path.join(PACKAGES_DIR, "_shared", "probe", name));
export const PROBE_MANIFEST = readFileSync(
  path.join(PACKAGES_DIR, "probe-scorm12", "imsmanifest.xml"),
  "utf8",
);

export function probeEntries(fillerFiles = 0, fillerBytes = 64): RawZipEntry[] {
  return [
    { name: "imsmanifest.xml", data: PROBE_MANIFEST },
    { name: "sco.html", data: probeFile("sco.html") },
    { name: "probe.js", data: probeFile("probe.js") },
    ...Array.from({ length: fillerFiles }, (_, i) => ({
      name: `filler/f${String(i).padStart(5, "0")}.txt`,
      data: `${i}:`.padEnd(fillerBytes, "x"),
    })),
  ];
}

export const probeZip = (fillerFiles = 0, fillerBytes = 64): Buffer =>
  rawZip(probeEntries(fillerFiles, fillerBytes));

/** The probe package with one stored (incompressible) file of `bytes` random-looking bytes. */
export function probeZipOfSize(bytes: number): Buffer {
  const data = Buffer.alloc(bytes);
  let x = 12345;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = x >>> 24;
  }
  return rawZip([...probeEntries(), { name: "media/blob.bin", data, method: 0 }]);
}

export const zipSlipZip = (): Buffer =>
  rawZip([...probeEntries(), { name: "../../escaped.html", data: "<p>out</p>" }]);

export const badManifestZip = (): Buffer =>
  rawZip([{ name: "imsmanifest.xml", data: "<manifest><unclosed></manifest>" }, ...probeEntries().slice(1)]);

export const corruptZip = (): Buffer => Buffer.from("PK\u0003\u0004 this is not really a zip file at all");

/** A 4 MB run of zeros deflated to a few kilobytes: over the zip rules' compression-ratio limit. */
export const zipBombZip = (): Buffer =>
  rawZip([...probeEntries(), { name: "media/zeros.bin", data: Buffer.alloc(4 * 1024 * 1024) }]);

export const noManifestZip = (): Buffer => rawZip(probeEntries().slice(1));
