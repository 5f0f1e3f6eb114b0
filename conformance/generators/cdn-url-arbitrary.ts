// Candidate CDN URLs for P01, built from parts around one published manifest: schemes (https in any case, http,
// javascript:, data:, ftp), user-info tricks, hosts (the CDN and its subdomains, IDN and punycode, a trailing dot,
// IP literals in several spellings, percent-encoded, invalid labels, other sites, names that do not resolve),
// ports, paths (dot segments, percent-encoding, wrong case, missing package), queries, fragments, very long URLs,
// and a whitespace, control character or backslash slipped in; with a whitelist and a CDN state.
import fc from "fast-check";

export interface CdnUrlCase {
  raw: string;
  whitelist: string[];
  profile: "good" | "frame-missing" | "outage";
}

export interface CdnUrlWorldParts {
  /** cdn.test */
  cdnHost: string;
  cdnPort: number;
  /** The published package's folder name under /packages/. */
  packageName: string;
}

const SLIPS = [" ", "\t", "\u00a0", "\u3000", "\u0007", "\u200b", "\\"];

export function cdnUrlCaseArbitrary(world: CdnUrlWorldParts): fc.Arbitrary<CdnUrlCase> {
  const { cdnHost, cdnPort, packageName } = world;
  const scheme = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom("https", "HTTPS", "HtTpS") },
    { weight: 2, arbitrary: fc.constantFrom("http", "HTTP", "ftp", "javascript", "data") },
  );
  const separator = fc.oneof({ weight: 8, arbitrary: fc.constant("//") }, fc.constantFrom("", "/", "///"));
  const userinfo = fc.oneof(
    { weight: 5, arbitrary: fc.constant("") },
    fc.constantFrom("good@", "user:pass@", `${cdnHost}@`, "@", `${cdnHost}:${cdnPort}@`),
  );
  const host = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(cdnHost, `eu.${cdnHost}`, cdnHost.toUpperCase(), `${cdnHost}.`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(`bücher.${cdnHost}`, `xn--bcher-kva.${cdnHost}`, `ÉU.${cdnHost}`),
    },
    { weight: 2, arbitrary: fc.constantFrom("127.0.0.1", "[::1]", "0x7f.0.0.1", "2130706433") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(cdnHost.replace(".", "%2E"), `-bad-.${cdnHost}`, `a_b.${cdnHost}`),
    },
    { weight: 2, arbitrary: fc.constantFrom("evil.test", "lms.test", "nowhere.example") },
  );
  const port = fc.oneof({ weight: 8, arbitrary: fc.constant(`:${cdnPort}`) }, fc.constantFrom("", ":443"));
  const path = fc.oneof(
    { weight: 6, arbitrary: fc.constant(`/packages/${packageName}/imsmanifest.xml`) },
    fc.constantFrom(
      `/packages/${packageName.replace("-", "%2D")}/imsmanifest.xml`,
      `/packages/${packageName}/./imsmanifest.xml`,
      `/packages/x/../${packageName}/imsmanifest.xml`,
      `/packages/missing-${packageName}/imsmanifest.xml`,
      `/packages/${packageName}/IMSMANIFEST.XML`,
      `/packages/${packageName}/`,
    ),
  );
  const suffix = fc.oneof(
    { weight: 6, arbitrary: fc.constant("") },
    fc.constantFrom("?v=1", "#top", "?sig=a%20b"),
    fc.integer({ min: 1_800, max: 2_400 }).map((n) => `?pad=${"a".repeat(n)}`),
  );
  const slip = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    fc.record({ ch: fc.constantFrom(...SLIPS), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  );
  const whitelist = fc.constantFrom<string[]>([], [cdnHost], [`*.${cdnHost}`], ["elsewhere.example"]);
  const profile = fc.oneof(
    { weight: 6, arbitrary: fc.constant<"good">("good") },
    fc.constantFrom<"frame-missing" | "outage">("frame-missing", "outage"),
  );
  return fc
    .record({ scheme, separator, userinfo, host, port, path, suffix, slip, whitelist, profile })
    .map((p) => {
      let raw =
        p.scheme === "javascript"
          ? `javascript:alert(1)//${p.host}${p.path}`
          : p.scheme === "data"
            ? "data:text/xml,<manifest/>"
            : `${p.scheme}:${p.separator}${p.userinfo}${p.host}${p.port}${p.path}${p.suffix}`;
      if (p.slip) {
        const at = Math.floor(p.slip.at * raw.length);
        raw = raw.slice(0, at) + p.slip.ch + raw.slice(at);
      }
      return { raw, whitelist: p.whitelist, profile: p.profile };
    });
}
