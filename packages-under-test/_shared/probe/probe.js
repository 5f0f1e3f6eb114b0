// The scriptable probe SCO. On load it runs the standard API discovery (walk up `parent`, then `opener`)
// and records what it finds at every level; `window.__probe.run(calls)` executes a list of API calls and
// returns each call's return value and the GetLastError code right after it.
(function () {
  "use strict";
  var NAMES = ["API", "API_1484_11"];
  var MAX_HOPS = 7;

  function inspect(win, level, how) {
    var entry = { level: level, how: how, names: [], error: null };
    try {
      for (var i = 0; i < NAMES.length; i++) {
        var api = win[NAMES[i]];
        if (api !== undefined && api !== null) entry.names.push(NAMES[i]);
      }
    } catch (e) {
      entry.error = e && e.name ? e.name : String(e);
    }
    return entry;
  }

  function discover() {
    var levels = [];
    var win = window;
    var hops = 0;
    while (hops < MAX_HOPS) {
      var parent;
      try {
        parent = win.parent;
      } catch (_e) {
        parent = null;
      }
      if (!parent || parent === win) break;
      hops += 1;
      win = parent;
      levels.push(inspect(win, hops, "parent"));
    }
    if (window.opener) levels.push(inspect(window.opener, 0, "opener"));
    var found = null;
    for (var j = 0; j < levels.length && !found; j++) {
      var names = levels[j].names;
      if (names.length > 0) found = { level: levels[j].level, how: levels[j].how, names: names.slice() };
    }
    return { levels: levels, found: found };
  }

  function findApi(name) {
    var win = window;
    for (var hops = 0; hops < MAX_HOPS; hops++) {
      try {
        if (win[name]) return win[name];
      } catch (_e) {
        return null;
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var discovery = discover();
  var apiName = discovery.found && discovery.found.names.length === 1 ? discovery.found.names[0] : null;
  var api = apiName ? findApi(apiName) : null;
  var errorFn = apiName === "API" ? "LMSGetLastError" : "GetLastError";

  function run(calls) {
    var results = [];
    for (var i = 0; i < calls.length; i++) {
      var call = calls[i];
      var fn = call[0];
      var args = call.slice(1);
      var record = { fn: fn, args: args, ret: null, err: null };
      if (!api || typeof api[fn] !== "function") {
        record.ret = null;
        record.err = "no-such-method";
      } else {
        var ret = api[fn].apply(api, args);
        record.ret = ret;
        if (typeof ret !== "string") record.retType = typeof ret;
        record.err = String(api[errorFn]());
      }
      results.push(record);
    }
    window.__probe.log.push.apply(window.__probe.log, results);
    return results;
  }

  window.__probe = { ready: true, discovery: discovery, apiName: apiName, run: run, log: [] };
  document.title = "PROBE READY";
})();
