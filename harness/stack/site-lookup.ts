// Name resolution for the LMS's server-side requests, as the browser's --host-resolver-rules do it: the test
// sites and their subdomains go to loopback; any other name does not resolve (a DNS failure).
import type { LookupFunction } from "node:net";
import { SITES } from "./sites.ts";

const known = (hostname: string): boolean =>
  Object.values(SITES).some((site) => hostname === site || hostname.endsWith(`.${site}`));

export const siteLookup: LookupFunction = (hostname, options, callback) => {
  if (!known(hostname.toLowerCase().replace(/\.$/, ""))) {
    const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
    error.code = "ENOTFOUND";
    callback(error, "", 4);
    return;
  }
  if ((options as { all?: boolean }).all) {
    (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
      { address: "127.0.0.1", family: 4 },
    ]);
  } else callback(null, "127.0.0.1", 4);
};
