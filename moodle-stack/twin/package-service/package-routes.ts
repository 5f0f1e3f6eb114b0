// The package service's REST routes under API_PATH (README.md in this folder): upload, list, get, delete, launch,
// job status and cancel. Every answer is JSON; every refusal is `{ "error": { "code", "message", ... } }`.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import express, { type Request, type Response } from "express";
import type { Activities } from "../activities.ts";
import { CdnUrlRejected, createCdnActivity } from "../cdn-activity.ts";
import type { TwinDb } from "../db.ts";
import type { LmsApi } from "../lms-api.ts";
import type { Session } from "../sessions.ts";
import { jobView, type Job } from "./job-store.ts";
import {
  requireCourseEditor,
  requirePackageManager,
  requireSesskey,
  requireSession,
} from "./package-access.ts";
import type { PackageService } from "./package-service.ts";
import { PackageServiceError, sendServiceError } from "./service-error.ts";
import { checkUploadHeaders, receiveUpload } from "./upload-body.ts";

export const API_PATH = "/local/externalscormbridge/api";

export interface PackageRoutesDeps {
  db: TwinDb;
  api: LmsApi;
  activities: Activities;
  session: (req: Request) => Session | undefined;
  wwwroot: () => string;
  service: PackageService;
}

type Handler = (req: Request, res: Response, session: Session) => Promise<void> | void;

const jobLinks = (job: Job) => ({
  self: `${API_PATH}/jobs/${job.id}`,
  events: `${API_PATH}/jobs/${job.id}/events`,
});

function uploadName(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== "string" || value.trim() === "" || value.length > 255)
    throw new PackageServiceError(
      400,
      "invalid-parameter",
      "name must be a non-empty text of at most 255 characters.",
    );
  return value.trim();
}

const wantsAsync = (req: Request): boolean =>
  String(req.headers.prefer ?? "")
    .split(",")
    .some((p) => p.trim().toLowerCase() === "respond-async");

/** A failed job's error as an HTTP error. */
function jobFailure(job: Job): PackageServiceError {
  if (job.state === "cancelled")
    return new PackageServiceError(409, "job-cancelled", "The upload was cancelled.");
  const { code, message, ...details } = job.error ?? {
    code: "internal-error",
    message: "Processing failed.",
  };
  return new PackageServiceError(code === "invalid-package" ? 422 : 500, code, message, details);
}

export function packageRouter(deps: PackageRoutesDeps): express.Router {
  const router = express.Router();
  const { service } = deps;

  /** Session, then sesskey for changes, then the manager capability; errors answered as JSON. */
  const guarded =
    (handler: Handler, options: { changes: boolean }) =>
    async (req: Request, res: Response): Promise<void> => {
      res.setHeader("Cache-Control", "no-store");
      try {
        const session = requireSession(deps.session(req));
        if (options.changes) requireSesskey(req, session);
        requirePackageManager(deps.db, session.userid);
        await handler(req, res, session);
      } catch (error) {
        if (error instanceof PackageServiceError) {
          if (error.status === 413) res.setHeader("Connection", "close");
          sendServiceError(res, error);
          return;
        }
        console.error("package service:", error);
        sendServiceError(res, new PackageServiceError(500, "internal-error", (error as Error).message));
      }
    };

  const existingPackage = (id: string | undefined) => {
    const record = service.registry.get(String(id));
    if (!record)
      throw new PackageServiceError(404, "package-not-found", `There is no package ${String(id)}.`);
    return record;
  };
  const existingJob = (id: string | undefined) => {
    const job = service.store.get(String(id));
    if (!job) throw new PackageServiceError(404, "job-not-found", `There is no job ${String(id)}.`);
    return job;
  };

  router.post(
    `${API_PATH}/packages`,
    guarded(
      async (req, res, session) => {
        const queryName = uploadName(req.query.name);
        service.storage(); // 503 before reading the body when nothing can be published
        const { maxBytes, asyncBytes, workDir } = service.settings;
        checkUploadHeaders(req, maxBytes);
        await mkdir(workDir, { recursive: true });
        const jobDir = await mkdtemp(path.join(workDir, "esb-package-"));
        const zipPath = path.join(jobDir, "upload.zip");
        let zipBytes: number;
        let name: string | null;
        try {
          const upload = await receiveUpload(req, zipPath, maxBytes);
          zipBytes = upload.bytes;
          if (upload.name !== undefined && queryName !== null)
            throw new PackageServiceError(
              400,
              "invalid-parameter",
              "name is given twice (?name= and the form's name field); give one.",
            );
          name = upload.name === undefined ? queryName : uploadName(upload.name);
        } catch (error) {
          await rm(jobDir, { recursive: true, force: true });
          throw error;
        }
        const job = service.store.create({ name, zipBytes, createdBy: session.userid });
        const done = service.process(job, { workDir: jobDir, zipPath });
        if (zipBytes > asyncBytes || wantsAsync(req)) {
          res.setHeader("Location", jobLinks(job).self);
          res.status(202).json({ job: jobView(job), links: jobLinks(job) });
          return;
        }
        await done;
        if (job.state !== "succeeded") throw jobFailure(job);
        const record = existingPackage(job.packageId ?? "");
        res.setHeader("Location", `${API_PATH}/packages/${record.id}`);
        res.status(201).json({ package: record });
      },
      { changes: true },
    ),
  );

  router.get(
    `${API_PATH}/packages`,
    guarded((_req, res) => void res.json({ packages: service.registry.list() }), { changes: false }),
  );

  router.get(
    `${API_PATH}/packages/:id`,
    guarded((req, res) => void res.json({ package: existingPackage(req.params.id as string) }), {
      changes: false,
    }),
  );

  router.delete(
    `${API_PATH}/packages/:id`,
    guarded(
      async (req, res) => {
        const record = existingPackage(req.params.id as string);
        await service.storage().remove(record.id);
        service.registry.remove(record.id);
        res.status(204).end();
      },
      { changes: true },
    ),
  );

  router.post(
    `${API_PATH}/packages/:id/launch`,
    express.json({ limit: "16kb" }),
    guarded(
      async (req, res, session) => {
        const record = existingPackage(req.params.id as string);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const course = Number(body.course);
        if (!Number.isSafeInteger(course) || course <= 0)
          throw new PackageServiceError(
            400,
            "invalid-parameter",
            "course must be a course id (a positive integer).",
          );
        const name = body.name === undefined ? record.name : uploadName(body.name);
        requireCourseEditor(deps.db, session.userid, course);
        let activity;
        try {
          activity = await createCdnActivity(
            deps.api,
            deps.activities,
            course,
            name ?? record.name,
            record.manifestUrl,
          );
        } catch (error) {
          if (!(error instanceof CdnUrlRejected)) throw error;
          throw new PackageServiceError(422, "cdn-url-rejected", error.reason, { cdnUrlCode: error.code });
        }
        const player = (scoid: number) =>
          `${deps.wwwroot()}/mod/scorm/player.php?cm=${activity.cmid}&scoid=${scoid}`;
        const scoes = deps.activities
          .scoes(activity.scormid)
          .filter((sco) => sco.launch)
          .map((sco) => ({
            id: sco.id,
            identifier: sco.identifier,
            title: sco.title,
            playerUrl: player(sco.id),
          }));
        res.status(201).json({
          cmid: activity.cmid,
          scormid: activity.scormid,
          course,
          playerUrl: scoes[0]?.playerUrl ?? null,
          scoes,
        });
      },
      { changes: true },
    ),
  );

  router.get(
    `${API_PATH}/jobs/:id`,
    guarded(
      (req, res) => {
        const job = existingJob(req.params.id as string);
        res.json({
          job: jobView(job),
          package: job.packageId ? (service.registry.get(job.packageId) ?? null) : null,
          links: jobLinks(job),
        });
      },
      { changes: false },
    ),
  );

  router.delete(
    `${API_PATH}/jobs/:id`,
    guarded(
      (req, res) => {
        const job = service.cancel(existingJob(req.params.id as string));
        res.status(202).json({ job: jobView(job), links: jobLinks(job) });
      },
      { changes: true },
    ),
  );

  // A launch body that is not JSON, or too large: a JSON error like every other refusal.
  router.use(API_PATH, (error: unknown, _req: Request, res: Response, next: express.NextFunction) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status !== "number" || status < 400 || status >= 500) {
      next(error);
      return;
    }
    sendServiceError(
      res,
      new PackageServiceError(
        status,
        status === 413 ? "body-too-large" : "invalid-json",
        (error as Error).message,
      ),
    );
  });

  return router;
}
