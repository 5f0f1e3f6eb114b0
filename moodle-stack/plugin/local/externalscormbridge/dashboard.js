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
 * The live dashboard's script: listens to dashboard_events.php and writes each learner's new status and score into
 * the table with textContent (never as HTML); a row's data-updated is the page's clock when its content last changed.
 *
 * @copyright  2026 External SCORM bridge contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
(function () {
  "use strict";
  var table = document.getElementById("esb-dashboard");
  if (!table || typeof EventSource === "undefined") {
    return;
  }
  var body = table.querySelector("tbody");
  var columns = ["fullname", "username", "sco", "attempt", "status", "score"];
  var source = new EventSource(table.getAttribute("data-events"));
  source.addEventListener("learner", function (event) {
    var message = JSON.parse(event.data);
    message.rows.forEach(function (r) {
      var key = String(r.userid) + ":" + String(r.scoid);
      var row = null;
      Array.prototype.forEach.call(body.querySelectorAll("tr"), function (tr) {
        if (tr.getAttribute("data-key") === key) {
          row = tr;
        }
      });
      if (!row) {
        row = document.createElement("tr");
        row.setAttribute("data-key", key);
        columns.forEach(function (name) {
          var td = document.createElement("td");
          td.setAttribute("data-col", name);
          row.appendChild(td);
        });
        body.appendChild(row);
      }
      var changed = false;
      columns.forEach(function (name) {
        var cell = row.querySelector('[data-col="' + name + '"]');
        var text = String(r[name]);
        if (cell.textContent !== text) {
          cell.textContent = text;
          changed = true;
        }
      });
      if (changed) {
        row.setAttribute("data-updated", String(Date.now()));
      }
    });
  });
  source.addEventListener("open", function () {
    table.setAttribute("data-live", "true");
  });
})();
