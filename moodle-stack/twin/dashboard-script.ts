// The dashboard page's script (served as /local/externalscormbridge/dashboard.js): listens to the activity's event
// stream and writes each learner's new status and score into the table with textContent (never as HTML).
export const DASHBOARD_SCRIPT = `"use strict";
(function () {
  var table = document.getElementById("esb-dashboard");
  if (!table) return;
  var body = table.querySelector("tbody");
  var source = new EventSource(table.getAttribute("data-events"));
  function cell(row, name) { return row.querySelector('[data-col="' + name + '"]'); }
  source.addEventListener("learner", function (event) {
    var message = JSON.parse(event.data);
    message.rows.forEach(function (r) {
      var key = r.userid + ":" + r.scoid;
      var row = body.querySelector('tr[data-key="' + key + '"]');
      if (!row) {
        row = document.createElement("tr");
        row.setAttribute("data-key", key);
        ["fullname", "username", "sco", "attempt", "status", "score"].forEach(function (name) {
          var td = document.createElement("td");
          td.setAttribute("data-col", name);
          row.appendChild(td);
        });
        body.appendChild(row);
      }
      ["fullname", "username", "sco", "attempt", "status", "score"].forEach(function (name) {
        cell(row, name).textContent = String(r[name]);
      });
      row.setAttribute("data-updated", String(Date.now()));
    });
  });
  source.addEventListener("open", function () { table.setAttribute("data-live", "true"); });
})();
`;
