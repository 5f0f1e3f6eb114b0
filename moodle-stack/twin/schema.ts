// The Moodle 4.5 tables one SCORM activity needs, with Moodle's table and column names (prefix mdl_),
// plus the bridge plugin's own tables. Types follow XMLDB: int -> INTEGER, char/text -> TEXT, number -> REAL.
export const TWIN_SCHEMA = `
CREATE TABLE mdl_user (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  auth TEXT NOT NULL DEFAULT 'manual',
  confirmed INTEGER NOT NULL DEFAULT 1,
  deleted INTEGER NOT NULL DEFAULT 0,
  suspended INTEGER NOT NULL DEFAULT 0,
  username TEXT NOT NULL UNIQUE,
  password TEXT NOT NULL DEFAULT '',
  firstname TEXT NOT NULL DEFAULT '',
  lastname TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  timecreated INTEGER NOT NULL DEFAULT 0,
  timemodified INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_course (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  category INTEGER NOT NULL DEFAULT 1,
  fullname TEXT NOT NULL DEFAULT '',
  shortname TEXT NOT NULL DEFAULT '',
  visible INTEGER NOT NULL DEFAULT 1,
  timecreated INTEGER NOT NULL DEFAULT 0,
  timemodified INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_enrol (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  enrol TEXT NOT NULL DEFAULT 'manual',
  status INTEGER NOT NULL DEFAULT 0,
  courseid INTEGER NOT NULL
);
CREATE TABLE mdl_user_enrolments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  status INTEGER NOT NULL DEFAULT 0,
  enrolid INTEGER NOT NULL,
  userid INTEGER NOT NULL,
  timestart INTEGER NOT NULL DEFAULT 0,
  timeend INTEGER NOT NULL DEFAULT 0,
  UNIQUE (enrolid, userid)
);
CREATE TABLE mdl_modules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  visible INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE mdl_course_modules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  course INTEGER NOT NULL,
  module INTEGER NOT NULL,
  instance INTEGER NOT NULL,
  section INTEGER NOT NULL DEFAULT 0,
  visible INTEGER NOT NULL DEFAULT 1,
  completion INTEGER NOT NULL DEFAULT 0,
  added INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_scorm (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  course INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  scormtype TEXT NOT NULL DEFAULT 'local',
  reference TEXT NOT NULL DEFAULT '',
  intro TEXT NOT NULL DEFAULT '',
  introformat INTEGER NOT NULL DEFAULT 0,
  version TEXT NOT NULL DEFAULT '',
  maxgrade REAL NOT NULL DEFAULT 0,
  grademethod INTEGER NOT NULL DEFAULT 0,
  whatgrade INTEGER NOT NULL DEFAULT 0,
  maxattempt INTEGER NOT NULL DEFAULT 1,
  forcecompleted INTEGER NOT NULL DEFAULT 0,
  forcenewattempt INTEGER NOT NULL DEFAULT 0,
  lastattemptlock INTEGER NOT NULL DEFAULT 0,
  masteryoverride INTEGER NOT NULL DEFAULT 1,
  displayattemptstatus INTEGER NOT NULL DEFAULT 1,
  displaycoursestructure INTEGER NOT NULL DEFAULT 0,
  updatefreq INTEGER NOT NULL DEFAULT 0,
  sha1hash TEXT,
  md5hash TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL DEFAULT 0,
  launch INTEGER NOT NULL DEFAULT 0,
  skipview INTEGER NOT NULL DEFAULT 1,
  hidebrowse INTEGER NOT NULL DEFAULT 0,
  hidetoc INTEGER NOT NULL DEFAULT 0,
  nav INTEGER NOT NULL DEFAULT 1,
  navpositionleft INTEGER DEFAULT -100,
  navpositiontop INTEGER DEFAULT -100,
  auto INTEGER NOT NULL DEFAULT 0,
  popup INTEGER NOT NULL DEFAULT 0,
  options TEXT NOT NULL DEFAULT '',
  width INTEGER NOT NULL DEFAULT 100,
  height INTEGER NOT NULL DEFAULT 600,
  timeopen INTEGER NOT NULL DEFAULT 0,
  timeclose INTEGER NOT NULL DEFAULT 0,
  timemodified INTEGER NOT NULL DEFAULT 0,
  completionstatusrequired INTEGER,
  completionscorerequired INTEGER,
  completionstatusallscos INTEGER,
  autocommit INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_scorm_scoes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scorm INTEGER NOT NULL,
  manifest TEXT NOT NULL DEFAULT '',
  organization TEXT NOT NULL DEFAULT '',
  parent TEXT NOT NULL DEFAULT '',
  identifier TEXT NOT NULL DEFAULT '',
  launch TEXT NOT NULL DEFAULT '',
  scormtype TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  sortorder INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_scorm_scoes_data (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scoid INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  value TEXT NOT NULL
);
CREATE TABLE mdl_scorm_attempt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  userid INTEGER NOT NULL,
  scormid INTEGER NOT NULL,
  attempt INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE mdl_scorm_element (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  element TEXT NOT NULL UNIQUE
);
CREATE TABLE mdl_scorm_scoes_value (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scoid INTEGER NOT NULL,
  attemptid INTEGER NOT NULL,
  elementid INTEGER NOT NULL,
  value TEXT NOT NULL,
  timemodified INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_local_externalscormbridge (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scormid INTEGER NOT NULL UNIQUE,
  cdnurl TEXT NOT NULL,
  timemodified INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_local_externalscormbridge_launch (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  launchid TEXT NOT NULL UNIQUE,
  userid INTEGER NOT NULL,
  scormid INTEGER NOT NULL,
  scoid INTEGER NOT NULL,
  attemptid INTEGER NOT NULL,
  nonce TEXT NOT NULL,
  ackedseq INTEGER NOT NULL DEFAULT 0,
  terminated INTEGER NOT NULL DEFAULT 0,
  seedtotaltime TEXT NOT NULL DEFAULT '',
  sessiontime TEXT NOT NULL DEFAULT '',
  timecreated INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_local_externalscormbridge_opseq (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  launch INTEGER NOT NULL,
  element TEXT NOT NULL,
  seq INTEGER NOT NULL,
  UNIQUE (launch, element)
);
CREATE TABLE mdl_local_externalscormbridge_ahead (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  launch INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  UNIQUE (launch, seq)
);
INSERT INTO mdl_modules (name) VALUES ('scorm');
`;
