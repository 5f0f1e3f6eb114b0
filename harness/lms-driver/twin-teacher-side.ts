// The teacher side on the Moodle twin: pages through the browser; the admin's encryption settings and the key
// file through the twin, as an admin with access to the server would change them.
import { randomBytes } from "node:crypto";
import type { EmbeddedStack } from "../stack/embedded-stack.ts";
import { browserTeacherSide, type TeacherSide } from "./teacher-side.ts";

/** The key each stack started with, kept while a property has replaced or removed it. */
const originalKeys = new WeakMap<EmbeddedStack, Buffer>();

export function twinTeacherSide(stack: EmbeddedStack): TeacherSide {
  const { twin } = stack;
  return {
    ...browserTeacherSide(stack.origins.lms),
    async setEncryptionAtRest(settings) {
      twin.setAtRestSettings(settings);
    },
    async changeSiteKey(change) {
      if (!originalKeys.has(stack)) originalKeys.set(stack, twin.siteKey.readOrCreate());
      if (change === "replace") twin.siteKey.write(randomBytes(32));
      else if (change === "remove") twin.siteKey.remove();
      else twin.siteKey.write(originalKeys.get(stack)!);
    },
  };
}
