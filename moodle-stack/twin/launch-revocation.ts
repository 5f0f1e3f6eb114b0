// Launches die with their attempt: when a teacher deletes an attempt (or resets the course) the plugin forgets
// every launch issued for it, and a commit naming a launch whose attempt is gone is refused, so that no op queued
// before the reset can write into a fresh attempt (P27). A launch names its attempt by learner, activity and
// attemptid (on Moodle 4.1 the attempt number, which alone names no attempt).
import { LmsApiError } from "./api-error.ts";
import type { TwinDb } from "./db.ts";
import type { AttemptRef, TrackStorage } from "./track-storage.ts";

/** Deletes the launches (and their op bookkeeping) issued for the given attempts. */
export function revokeLaunches(db: TwinDb, attempts: readonly AttemptRef[]): void {
  for (const attempt of attempts) {
    const launches = db.all<{ id: number }>(
      "SELECT id FROM mdl_local_extscormbridge_launch WHERE userid = ? AND scormid = ? AND attemptid = ?",
      [attempt.userid, attempt.scormid, attempt.attemptid],
    );
    for (const { id } of launches) {
      db.run("DELETE FROM mdl_local_extscormbridge_opseq WHERE launch = ?", [id]);
      db.run("DELETE FROM mdl_local_extscormbridge_ahead WHERE launch = ?", [id]);
      db.run("DELETE FROM mdl_local_extscormbridge_launch WHERE id = ?", [id]);
    }
  }
}

/** Refuses a commit for a launch whose attempt no longer exists. */
export function requireLiveAttempt(tracks: TrackStorage, attempt: AttemptRef): void {
  if (!tracks.attemptExists(attempt))
    throw new LmsApiError(
      "attemptdeleted",
      "This attempt was deleted by a teacher; start the activity again",
    );
}
