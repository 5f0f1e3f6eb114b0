// Fills the data model to its limits through the probe SCO's API handle: ?fill=interactions-objectives writes
// 250 interactions and 100 objectives (SCORM 2004's smallest permitted maxima), ?fill=suspend-data writes
// suspend_data at its maximum (64,000 characters in 2004, 4,096 in 1.2); then it commits, and with
// &terminate=1 also terminates. The outcome is shown on the page and in document.title.
(function () {
  "use strict";
  var params = new window.URLSearchParams(window.location.search);
  var probe = window.__probe;
  var is2004 = probe && probe.apiName === "API_1484_11";
  var F = is2004
    ? { init: "Initialize", set: "SetValue", commit: "Commit", finish: "Terminate" }
    : { init: "LMSInitialize", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish" };

  function text(length) {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,;:-_=+éüß☺";
    var out = "";
    for (var i = 0; i < length; i++) out += alphabet.charAt((i * 7 + (i >> 5)) % alphabet.length);
    return out;
  }

  function interactionsAndObjectives() {
    var calls = [];
    for (var i = 0; i < 250; i++) {
      var p = "cmi.interactions." + i + ".";
      calls.push([F.set, p + "id", "q-" + i]);
      calls.push([F.set, p + "type", "choice"]);
      calls.push([F.set, p + (is2004 ? "learner_response" : "student_response"), is2004 ? "a[,]b" : "a,b"]);
      calls.push([F.set, p + "result", i % 2 ? "correct" : is2004 ? "incorrect" : "wrong"]);
    }
    for (var j = 0; j < 100; j++) {
      var o = "cmi.objectives." + j + ".";
      calls.push([F.set, o + "id", "obj-" + j]);
      calls.push([F.set, o + "score.raw", String(j % 101)]);
      calls.push([F.set, o + (is2004 ? "success_status" : "status"), "passed"]);
    }
    return calls;
  }

  function suspendData() {
    return [[F.set, "cmi.suspend_data", text(is2004 ? 64000 : 4096)]];
  }

  function report(message) {
    document.title = message;
    var out = document.getElementById("filler-result");
    if (out) out.textContent = message;
  }

  if (!probe || !probe.apiName) {
    report("FILL FAILED: no SCORM API");
    return;
  }
  var mode = params.get("fill");
  var body =
    mode === "interactions-objectives"
      ? interactionsAndObjectives()
      : mode === "suspend-data"
        ? suspendData()
        : null;
  if (!body) {
    report("FILL FAILED: unknown fill mode");
    return;
  }
  var calls = [[F.init, ""]].concat(body, [[F.commit, ""]]);
  if (params.get("terminate") === "1") calls.push([F.finish, ""]);
  var results = probe.run(calls);
  var failed = results.filter(function (r) {
    return r.ret !== "true";
  }).length;
  report((failed === 0 ? "FILLED " : "FILL FAILED ") + results.length + " calls, " + failed + " refused");
})();
