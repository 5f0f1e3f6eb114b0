// Which property a Playwright test checks: its "property" annotation, else the @Pnn tag in its title.
import type { TestCase, TestResult } from "@playwright/test/reporter";

export function propertyIdOf(test: TestCase, result?: TestResult): string | undefined {
  const annotations = [...(result?.annotations ?? []), ...test.annotations];
  return annotations.find((a) => a.type === "property")?.description ?? /@(P\d{2})\b/.exec(test.title)?.[1];
}
