<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * English strings.
 *
 * @package    local_externalscormbridge
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['apitimeoutms'] = 'LMS API call timeout (ms)';
$string['apitimeoutms_desc'] = 'How long one launch or commit call may take before it counts as failed and is retried.';
$string['attemptdeleted'] = 'This attempt was deleted by a teacher; start the activity again';
$string['cdnnotallowed'] = 'The content server {$a} is not on this site\'s CDN whitelist';
$string['cdnurl'] = 'CDN URL';
$string['cdnurl_help'] = 'The https URL of the package\'s imsmanifest.xml on a content delivery network. The content plays from there while every piece of tracking is stored in this site.';
$string['cdnwhitelist'] = 'CDN whitelist';
$string['cdnwhitelist_desc'] = 'Host names the content may come from, one a line ("cdn.example.com" or "*.example.com"). Empty: any https host.';
$string['changebatchms'] = 'Change batching (ms)';
$string['changebatchms_desc'] = 'How long the bridge frame may hold changes before handing them to the player page.';
$string['dashboard'] = 'Live dashboard';
$string['dashboard_attempt'] = 'Attempt';
$string['dashboard_fullname'] = 'Learner';
$string['dashboard_sco'] = 'SCO';
$string['dashboard_score'] = 'Score';
$string['dashboard_status'] = 'Status';
$string['dashboard_username'] = 'Username';
$string['debug'] = 'Debug';
$string['debug_desc'] = 'Log every bridge protocol message to the browser console.';
$string['encryptatrest'] = 'Encrypt at rest';
$string['encryptatrest_desc'] = 'Store suspend_data and the sensitive elements encrypted with the site key. Losing moodledata loses these values.';
$string['errcdnurlframe'] = 'The bridge frame page {$a} is not on the content server';
$string['errcdnurlhost'] = 'The CDN URL has no valid host name';
$string['errcdnurlhttps'] = 'The CDN URL must be an https URL';
$string['errcdnurlmanifest'] = 'The CDN URL does not answer with a SCORM manifest';
$string['errcdnurlpath'] = 'The CDN URL must name an imsmanifest.xml and contain no spaces or quotes';
$string['errcdnurltimeout'] = '{$a->url} did not answer within the URL-check timeout ({$a->ms} ms)';
$string['errcdnurlunreachable'] = 'The manifest {$a} could not be fetched within the URL-check timeout';
$string['errcdnurluserinfo'] = 'The CDN URL must not contain a user name or password';
$string['errelementgraded'] = '{$a} is read by mod_scorm\'s grading, completion or reports and cannot be sensitive';
$string['errelementname'] = '{$a} is not a SCORM element name';
$string['errframepath'] = 'The frame page path must start with / and contain only letters, digits and ._~/-';
$string['errrange'] = 'must be a number from {$a->min} to {$a->max}';
$string['errretryschedulecount'] = 'must list 1 to 20 delays, comma separated';
$string['errretryscheduledelay'] = 'every delay must be a whole number of ms from 10 to 3600000';
$string['errwhitelist'] = 'not a host name or *.domain: {$a}';
$string['eventrequestrefused'] = 'External SCORM request refused';
$string['eventstoredvalueunreadable'] = 'External SCORM stored value unreadable';
$string['externalscormbridge:launch'] = 'Launch external SCORM content';
$string['formheader'] = 'External SCORM (CDN)';
$string['framepath'] = 'Frame page path';
$string['framepath_desc'] = 'Path of the bridge frame page on every CDN origin.';
$string['handshaketimeoutms'] = 'Handshake timeout (ms)';
$string['handshaketimeoutms_desc'] = 'How long the frame handshake may take before the learner is told.';
$string['heartbeatms'] = 'Heartbeat interval (ms)';
$string['heartbeatms_desc'] = 'Interval of the player page\'s pings to the frame; two missed answers mean the channel is lost.';
$string['invalidlaunch'] = 'Unknown launch for this user';
$string['noguest'] = 'Guests cannot launch or save SCORM content; please log in';
$string['pluginname'] = 'External SCORM bridge';
$string['privacy:metadata:launch'] = 'One record per launch of an external SCORM SCO.';
$string['privacy:metadata:launch:attempt'] = 'The attempt number.';
$string['privacy:metadata:launch:scormid'] = 'The SCORM activity.';
$string['privacy:metadata:launch:sessiontime'] = 'The last session time the SCO reported.';
$string['privacy:metadata:launch:timecreated'] = 'When the launch started.';
$string['privacy:metadata:launch:userid'] = 'The learner.';
$string['retryjitter'] = 'Retry jitter';
$string['retryjitter_desc'] = 'Fraction of each retry delay added or removed at random (0 to 0.5).';
$string['retryschedulems'] = 'Retry schedule (ms)';
$string['retryschedulems_desc'] = 'Delays before each retry, comma separated; the last one repeats.';
$string['sensitiveelements'] = 'Sensitive elements';
$string['sensitiveelements_desc'] = 'SCORM element names to store encrypted too, one a line ("n" stands for any index, e.g. cmi.interactions.n.learner_response).';
$string['urlchecktimeoutms'] = 'URL-check timeout (ms)';
$string['urlchecktimeoutms_desc'] = 'How long the check of a CDN URL (manifest and frame page) may take.';
