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
  enablecompletion INTEGER NOT NULL DEFAULT 1,
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
CREATE TABLE mdl_context (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contextlevel INTEGER NOT NULL DEFAULT 0,
  instanceid INTEGER NOT NULL DEFAULT 0,
  path TEXT,
  depth INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0,
  UNIQUE (contextlevel, instanceid)
);
CREATE TABLE mdl_role (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL DEFAULT '',
  shortname TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  sortorder INTEGER NOT NULL DEFAULT 0 UNIQUE,
  archetype TEXT NOT NULL DEFAULT ''
);
CREATE TABLE mdl_capabilities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  captype TEXT NOT NULL DEFAULT '',
  contextlevel INTEGER NOT NULL DEFAULT 0,
  component TEXT NOT NULL DEFAULT '',
  riskbitmask INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_role_assignments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  roleid INTEGER NOT NULL DEFAULT 0,
  contextid INTEGER NOT NULL DEFAULT 0,
  userid INTEGER NOT NULL DEFAULT 0,
  timemodified INTEGER NOT NULL DEFAULT 0,
  modifierid INTEGER NOT NULL DEFAULT 0,
  component TEXT NOT NULL DEFAULT '',
  itemid INTEGER NOT NULL DEFAULT 0,
  sortorder INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mdl_role_capabilities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contextid INTEGER NOT NULL DEFAULT 0,
  roleid INTEGER NOT NULL DEFAULT 0,
  capability TEXT NOT NULL DEFAULT '',
  permission INTEGER NOT NULL DEFAULT 0,
  timemodified INTEGER NOT NULL DEFAULT 0,
  modifierid INTEGER NOT NULL DEFAULT 0,
  UNIQUE (roleid, contextid, capability)
);
CREATE TABLE mdl_logstore_standard_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  eventname TEXT NOT NULL DEFAULT '',
  component TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT '',
  objecttable TEXT,
  objectid INTEGER,
  crud TEXT NOT NULL DEFAULT '',
  edulevel INTEGER NOT NULL DEFAULT 0,
  contextid INTEGER NOT NULL DEFAULT 0,
  contextlevel INTEGER NOT NULL DEFAULT 0,
  contextinstanceid INTEGER NOT NULL DEFAULT 0,
  userid INTEGER NOT NULL DEFAULT 0,
  courseid INTEGER,
  relateduserid INTEGER,
  anonymous INTEGER NOT NULL DEFAULT 0,
  other TEXT,
  timecreated INTEGER NOT NULL DEFAULT 0,
  origin TEXT,
  ip TEXT,
  realuserid INTEGER
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
  idnumber TEXT,
  completion INTEGER NOT NULL DEFAULT 0,
  completiongradeitemnumber INTEGER,
  completionview INTEGER NOT NULL DEFAULT 0,
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
CREATE TABLE mdl_scorm_seq_objective (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scoid INTEGER NOT NULL,
  primaryobj INTEGER NOT NULL DEFAULT 0,
  objectiveid TEXT NOT NULL DEFAULT '',
  satisfiedbymeasure INTEGER NOT NULL DEFAULT 0,
  minnormalizedmeasure TEXT NOT NULL DEFAULT '1.0'
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
CREATE TABLE mdl_grade_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  courseid INTEGER,
  categoryid INTEGER,
  itemname TEXT,
  itemtype TEXT NOT NULL DEFAULT '',
  itemmodule TEXT,
  iteminstance INTEGER,
  itemnumber INTEGER,
  iteminfo TEXT,
  idnumber TEXT,
  calculation TEXT,
  gradetype INTEGER NOT NULL DEFAULT 1,
  grademax REAL NOT NULL DEFAULT 100,
  grademin REAL NOT NULL DEFAULT 0,
  scaleid INTEGER,
  outcomeid INTEGER,
  gradepass REAL NOT NULL DEFAULT 0,
  multfactor REAL NOT NULL DEFAULT 1,
  plusfactor REAL NOT NULL DEFAULT 0,
  aggregationcoef REAL NOT NULL DEFAULT 0,
  aggregationcoef2 REAL NOT NULL DEFAULT 0,
  sortorder INTEGER NOT NULL DEFAULT 0,
  display INTEGER NOT NULL DEFAULT 0,
  decimals INTEGER,
  hidden INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0,
  locktime INTEGER NOT NULL DEFAULT 0,
  needsupdate INTEGER NOT NULL DEFAULT 0,
  weightoverride INTEGER NOT NULL DEFAULT 0,
  timecreated INTEGER,
  timemodified INTEGER
);
CREATE TABLE mdl_grade_grades (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  itemid INTEGER NOT NULL,
  userid INTEGER NOT NULL,
  rawgrade REAL,
  rawgrademax REAL NOT NULL DEFAULT 100,
  rawgrademin REAL NOT NULL DEFAULT 0,
  rawscaleid INTEGER,
  usermodified INTEGER,
  finalgrade REAL,
  hidden INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0,
  locktime INTEGER NOT NULL DEFAULT 0,
  exported INTEGER NOT NULL DEFAULT 0,
  overridden INTEGER NOT NULL DEFAULT 0,
  excluded INTEGER NOT NULL DEFAULT 0,
  feedback TEXT,
  feedbackformat INTEGER NOT NULL DEFAULT 0,
  information TEXT,
  informationformat INTEGER NOT NULL DEFAULT 0,
  timecreated INTEGER,
  timemodified INTEGER,
  aggregationstatus TEXT NOT NULL DEFAULT 'unknown',
  aggregationweight REAL,
  UNIQUE (userid, itemid)
);
CREATE TABLE mdl_course_modules_completion (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  coursemoduleid INTEGER NOT NULL,
  userid INTEGER NOT NULL,
  completionstate INTEGER NOT NULL,
  overrideby INTEGER,
  timemodified INTEGER NOT NULL,
  UNIQUE (userid, coursemoduleid)
);
INSERT INTO mdl_modules (name) VALUES ('scorm');
`;
