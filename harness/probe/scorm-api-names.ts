// The SCORM API's method and element names per version, so a script can be written once for both.
export const SCORM_API = {
  "1.2": {
    init: "LMSInitialize",
    get: "LMSGetValue",
    set: "LMSSetValue",
    commit: "LMSCommit",
    lastError: "LMSGetLastError",
    finish: "LMSFinish",
    entry: "cmi.core.entry",
    exit: "cmi.core.exit",
    progressStatus: "cmi.core.lesson_status",
  },
  "2004": {
    init: "Initialize",
    get: "GetValue",
    set: "SetValue",
    commit: "Commit",
    lastError: "GetLastError",
    finish: "Terminate",
    entry: "cmi.entry",
    exit: "cmi.exit",
    progressStatus: "cmi.completion_status",
  },
} as const;
