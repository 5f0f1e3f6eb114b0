// The LMS site's direct path to the twin's web service endpoint (lib/ajax/service.php, every commit of every
// player): the same handler as the twin's express route (moodle-stack/twin/service-endpoint.ts), without the
// site's and the twin's express apps in front of it. Every other request, and every request once a fault was
// injected, goes through the site's express app as before. Requests are logged as the site's request log does.
import type { RequestListener } from "node:http";
import express from "express";
import type { RequestLog } from "../cdn/request-log.ts";
import { setTwinHeaders } from "../../moodle-stack/twin/server.ts";
import {
  SERVICE_PATH,
  serviceEndpoint,
  type ServiceEndpointDeps,
} from "../../moodle-stack/twin/service-endpoint.ts";
import type { FaultInjector } from "./fault-injector.ts";

export interface LmsServicePathOptions {
  twin: ServiceEndpointDeps;
  log: RequestLog;
  faults: FaultInjector;
  /** The site's express app: every request the direct path does not take. */
  site: RequestListener;
}

const isServiceCall = (method: string | undefined, url: string): boolean =>
  method === "POST" &&
  url.startsWith(SERVICE_PATH) &&
  (url.length === SERVICE_PATH.length || url[SERVICE_PATH.length] === "?");

export function lmsServicePath(options: LmsServicePathOptions): RequestListener {
  const endpoint = serviceEndpoint(options.twin);
  const log = options.log.entries;
  // A body express.json refuses is answered by express with express.json's error, as on the site's app.
  const refuse = (error: unknown): express.Express => {
    const app = express();
    app.disable("x-powered-by");
    app.use(options.log.middleware(), (_req, _res, next) => next(error));
    return app;
  };
  return (req, res) => {
    const url = req.url ?? "";
    if (!isServiceCall(req.method, url) || options.faults.watching()) {
      options.site(req, res);
      return;
    }
    setTwinHeaders(res);
    let refused = false;
    res.once("finish", () => {
      if (!refused)
        log.push({
          origin: `https://${req.headers.host ?? ""}`,
          method: "POST",
          url,
          status: res.statusCode,
          bytes: Number(res.getHeader("Content-Length")),
          at: Date.now(),
        });
    });
    endpoint(req, res, (error) => {
      refused = true;
      refuse(error)(req, res);
    });
  };
}
