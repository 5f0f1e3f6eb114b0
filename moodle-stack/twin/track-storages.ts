// The tracking storage of each Moodle schema the twin can follow: its tables, and the storage over a database.
import type { TwinDb } from "./db.ts";
import type { TableSpec } from "./table-spec.ts";
import { Moodle41Tracks, MOODLE41_TRACK_TABLES } from "./track-storage-moodle41.ts";
import { Moodle45Tracks, MOODLE45_TRACK_TABLES } from "./track-storage-moodle45.ts";
import type { MoodleSchema, TrackStorage } from "./track-storage.ts";

export const TRACK_STORAGES: Record<
  MoodleSchema,
  { tables: readonly TableSpec[]; open: (db: TwinDb) => TrackStorage }
> = {
  "4.5": { tables: MOODLE45_TRACK_TABLES, open: (db) => new Moodle45Tracks(db) },
  "4.1": { tables: MOODLE41_TRACK_TABLES, open: (db) => new Moodle41Tracks(db) },
};
