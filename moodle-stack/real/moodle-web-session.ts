// A signed-in Moodle web session over plain HTTP, as a browser has it: the login form (with its logintoken), the
// MoodleSession cookie, the page's sesskey, and core/ajax calls to lib/ajax/service.php.

export interface MoodleWebSession {
  wwwroot: string;
  cookie: string;
  sesskey: string;
}

export interface AjaxAnswer {
  error: boolean;
  data?: Record<string, unknown>;
  exception?: { errorcode: string; message: string };
}

function sessionCookie(response: Response, previous: string): string {
  const set = response.headers.getSetCookie().find((c) => c.startsWith("MoodleSession"));
  return set ? (set.split(";")[0] ?? previous) : previous;
}

export async function signIn(wwwroot: string, username: string, password: string): Promise<MoodleWebSession> {
  const form = await fetch(`${wwwroot}/login/index.php`, { redirect: "manual" });
  let cookie = sessionCookie(form, "");
  const logintoken = /name="logintoken" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const login = await fetch(`${wwwroot}/login/index.php`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ username, password, logintoken }).toString(),
  });
  cookie = sessionCookie(login, cookie);
  if (login.status !== 303 && login.status !== 302)
    throw new Error(`Moodle refused the sign-in of ${username}`);
  const page = await fetch(`${wwwroot}/my/`, { headers: { Cookie: cookie } });
  const sesskey = /"sesskey":"([^"]+)"/.exec(await page.text())?.[1];
  if (!sesskey) throw new Error(`No sesskey on ${wwwroot}/my/ for ${username}`);
  return { wwwroot, cookie, sesskey };
}

/** One web-service call as core/ajax makes it. */
export async function ajaxCall(
  session: MoodleWebSession,
  methodname: string,
  args: Record<string, unknown>,
): Promise<AjaxAnswer> {
  const response = await fetch(
    `${session.wwwroot}/lib/ajax/service.php?sesskey=${encodeURIComponent(session.sesskey)}&info=${methodname}`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: session.cookie },
      body: JSON.stringify([{ index: 0, methodname, args }]),
    },
  );
  const answer = (await response.json()) as AjaxAnswer[] | { error: string; errorcode: string };
  if (!Array.isArray(answer))
    return { error: true, exception: { errorcode: answer.errorcode, message: answer.error } };
  const [first] = answer;
  if (!first) throw new Error(`Empty ajax answer for ${methodname}`);
  return first;
}
