// Whether a response may be framed by a given origin, from X-Frame-Options and CSP frame-ancestors as browsers
// apply them (frame-ancestors wins when present).
export function framingAllowed(
  headers: Record<string, string>,
  framer: string,
  self: string,
): { allowed: boolean; why: string } {
  const csp = headers["content-security-policy"];
  const directive = csp
    ?.split(/[;,]/)
    .map((d) => d.trim())
    .find((d) => /^frame-ancestors\b/i.test(d));
  if (directive) {
    const sources = directive.split(/\s+/).slice(1);
    const ok = sources.some(
      (s) =>
        s === "*" ||
        s.toLowerCase() === framer.toLowerCase() ||
        (s === "'self'" && framer === self) ||
        s === "https:",
    );
    return { allowed: ok, why: `Content-Security-Policy ${directive}` };
  }
  const xfo = headers["x-frame-options"];
  if (xfo) return { allowed: false, why: `X-Frame-Options ${xfo}` };
  return { allowed: true, why: "no framing restriction" };
}
