// The twin's login session as the browser holds it after the login form: the MoodleSession cookie on the LMS
// origin (HttpOnly, Secure, SameSite=Lax, as Moodle sets it).
import type { BrowserContext } from "playwright";

export async function addMoodleSessionCookie(
  context: BrowserContext,
  lmsOrigin: string,
  sessionId: string,
): Promise<void> {
  await context.addCookies([
    {
      name: "MoodleSession",
      value: sessionId,
      url: lmsOrigin,
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    },
  ]);
}
