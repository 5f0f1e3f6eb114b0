// The twin's HTML pages: login form and SCORM player. Every dynamic value is escaped; the bridge's
// configuration travels as inert JSON.
import { escapeHtml, jsonForScriptTag } from "./html.ts";

/** A complete twin page around `body` (already escaped HTML), titled `title` (escaped here). */
export const layout = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:0}#esb-player{height:80vh}#esb-player iframe{width:100%;height:100%;border:0}
#esb-message:empty{display:none}#esb-message{background:#fee;padding:.5em}</style></head>
<body>${body}</body></html>`;

export function loginPage(error: string | null, returnTo: string): string {
  return layout(
    "Log in to the site",
    `<main><h1>Log in</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/login/index.php">
<input type="hidden" name="returnto" value="${escapeHtml(returnTo)}">
<label>Username <input name="username" id="username" autocomplete="username"></label>
<label>Password <input name="password" id="password" type="password" autocomplete="current-password"></label>
<button type="submit" id="loginbtn">Log in</button></form></main>`,
  );
}

export interface TocEntry {
  href: string;
  title: string;
  current: boolean;
}

export interface PlayerPageInput {
  title: string;
  toc: TocEntry[];
  config: { wwwroot: string; sesskey: string; userid: number; cmid: number; scoid: number };
  bridgeScript: string;
}

export function playerPage(input: PlayerPageInput): string {
  return layout(
    input.title,
    `<header><h1>${escapeHtml(input.title)}</h1></header>
<nav id="esb-toc" aria-label="Table of contents"><ol>${input.toc
      .map(
        (e) =>
          `<li><a href="${escapeHtml(e.href)}"${e.current ? ' aria-current="page"' : ""}>${escapeHtml(e.title)}</a></li>`,
      )
      .join("")}</ol></nav>
<div id="esb-message" role="alert"></div>
<div id="esb-player"></div>
<script type="application/json" id="esb-config">${jsonForScriptTag(input.config)}</script>
<script src="${escapeHtml(input.bridgeScript)}"></script>`,
  );
}
