<?php
// What the Moodle driver needs to know about a real Moodle's config.php, without booting Moodle: the database
// (read by the driver over SQL), the table prefix, the dataroot, and the release from version.php. Prints JSON.
//
// Usage: php site-info.php <moodle dir>

define('CLI_SCRIPT', true);
define('ABORT_AFTER_CONFIG', true);
if ($argc !== 2) {
    fwrite(STDERR, "usage: php site-info.php <moodle dir>\n");
    exit(2);
}
require(rtrim($argv[1], '/') . '/config.php');
$release = null;
$version = null;
require($CFG->dirroot . '/version.php');
echo json_encode([
    'dbtype' => $CFG->dbtype,
    'dbhost' => $CFG->dbhost,
    'dbname' => $CFG->dbname,
    'dbuser' => $CFG->dbuser,
    'dbpass' => $CFG->dbpass,
    'dbport' => (string) ($CFG->dboptions['dbport'] ?? ''),
    'dbsocket' => (string) ($CFG->dboptions['dbsocket'] ?? ''),
    'prefix' => $CFG->prefix,
    'dataroot' => $CFG->dataroot,
    'wwwroot' => $CFG->wwwroot,
    'release' => $release,
], JSON_UNESCAPED_SLASHES), "\n";
