// One finding about a package: the validation step that found it (in ADL's order), a stable code, and a message
// a package author can act on.

export const VALIDATION_STEPS = [
  "archive",
  "manifest-at-root",
  "well-formed",
  "required-elements",
  "required-files",
  "resource-hrefs",
  "identifier-references",
  "content",
  "extra-files",
] as const;

export type ValidationStep = (typeof VALIDATION_STEPS)[number];

export interface PackageIssue {
  step: ValidationStep;
  severity: "error" | "warning";
  code: string;
  message: string;
}

export const error = (step: ValidationStep, code: string, message: string): PackageIssue => ({
  step,
  severity: "error",
  code,
  message,
});

export const warning = (step: ValidationStep, code: string, message: string): PackageIssue => ({
  step,
  severity: "warning",
  code,
  message,
});
