import { expect, test } from "@playwright/test";
import { validateBridgeConfig } from "../../bridge/protocol/bridge-config.ts";
import { isWhitelisted, normaliseHost, validateWhitelist } from "../../bridge/protocol/cdn-whitelist.ts";

test("hosts are normalised: case, trailing dot and IDN", () => {
  expect(normaliseHost("CDN.Example.COM.")).toBe("cdn.example.com");
  expect(normaliseHost("bücher.example")).toBe("xn--bcher-kva.example");
  for (const bad of ["", "a b", "good@evil.com", "evil.com/x", "host:443", "-bad.com", "a\\b.com"]) {
    expect(normaliseHost(bad), bad).toBeNull();
  }
});

test("a URL is allowed iff its host matches an entry exactly or below a *.domain on a label boundary", () => {
  const list = validateWhitelist(["cdn.example.com", "*.Media.Example.org."]);
  expect(list).toEqual(["cdn.example.com", "*.media.example.org"]);
  const cases: Array<[string, boolean]> = [
    ["https://cdn.example.com/pkg/imsmanifest.xml", true],
    ["https://CDN.EXAMPLE.COM./x", true],
    ["https://a.media.example.org/x", true],
    ["https://deep.a.media.example.org/x", true],
    ["https://media.example.org/x", false],
    ["https://evilmedia.example.org/x", false],
    ["https://cdn.example.com.evil.net/x", false],
    ["https://cdn.example.com@evil.net/x", false],
    ["https://evil.net/cdn.example.com", false],
    ["https://xn--cdn-example-com.evil/x", false],
  ];
  for (const [url, allowed] of cases) expect(isWhitelisted(url, list), url).toBe(allowed);
  expect(isWhitelisted("https://anything.test/", [])).toBe(true);
  expect(isWhitelisted("not a url", list)).toBe(false);
});

test("bad whitelist entries are refused with the entry named", () => {
  expect(() => validateWhitelist(["ok.example", "https://x.example", "*.com"])).toThrow(
    /"https:\/\/x\.example" is not a host name.*"\*\.com" is not a host name/,
  );
  expect(() => validateBridgeConfig({ cdnWhitelist: ["bad host"] })).toThrow(/Invalid CDN whitelist/);
  expect(() => validateBridgeConfig({ debug: "yes" })).toThrow(/debug must be true or false/);
  expect(validateBridgeConfig({ cdnWhitelist: ["*.Example.com"] }).cdnWhitelist).toEqual(["*.example.com"]);
});
