// The sandbox's own sign-in, consent and error pages: no script, no external resource, one
// inline stylesheet allowed by its hash, every value from the request or the provider escaped.
import { createHash } from 'node:crypto';
import { fill, STRINGS, type Locale, type Strings } from './strings.js';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;padding:24px 16px;background:#eef2f8;color:#1f1f1f;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}
main{width:100%;max-width:400px;padding:32px 28px 28px;background:#fff;border-radius:16px;box-shadow:0 1px 3px #0f172a1f,0 8px 24px #0f172a14}
.brand{display:flex;align-items:center;gap:10px;margin-bottom:24px;font-weight:700;font-size:18px;letter-spacing:.01em}
.brand svg{width:32px;height:32px}
.brand span{white-space:nowrap}
.brand rect{fill:#1a56db}.brand path,.brand circle{fill:#fff}
.badge{margin-left:auto;padding:2px 8px;border-radius:999px;background:#fff4d6;color:#7a4b00;font-size:12px;font-weight:600}
h1{margin:0 0 4px;font-size:22px;line-height:1.25}
.lead{margin:0 0 20px;color:#5f6368;overflow-wrap:anywhere}
label{display:block;margin:14px 0 6px;font-weight:600;font-size:14px}
input{width:100%;height:44px;padding:0 12px;border:1px solid #c4c7c5;border-radius:8px;font:inherit;color:inherit}
input:focus{outline:2px solid #1a56db;outline-offset:2px;border-color:#1a56db}
input[aria-invalid=true]{border-color:#b3261e;box-shadow:inset 0 0 0 1px #b3261e}
.error{margin:8px 0 0;color:#b3261e;font-size:14px;overflow-wrap:anywhere}
.hint{margin:16px 0 0;padding:10px 12px;border-radius:8px;background:#f1f4f9;color:#444;font-size:13px}
.actions{display:flex;flex-wrap:wrap-reverse;gap:12px;margin-top:24px}
.actions>*{flex:1 1 calc(50% - 7px);min-width:fit-content}
.actions>:first-child{order:2}
.actions form{display:flex}
button,.button{flex:1;display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:8px 16px;border:1px solid #1a56db;border-radius:8px;background:#1a56db;color:#fff;font-family:inherit;font-size:15px;font-weight:600;line-height:1.2;text-align:center;text-decoration:none;cursor:pointer}
button.secondary{background:#fff;color:#1a56db;border-color:#c4c7c5}
button:hover,.button:hover{filter:brightness(1.08)}
button:focus-visible,.button:focus-visible{outline:2px solid #1a56db;outline-offset:2px}
ul.grants{margin:12px 0 0;padding:0;list-style:none}
ul.grants li{position:relative;padding:10px 0 10px 28px;border-top:1px solid #e8eaed}
ul.grants li::before{content:'';position:absolute;left:4px;top:17px;width:10px;height:6px;border:solid #1a56db;border-width:0 0 2px 2px;transform:rotate(-45deg)}
details{margin-top:20px;color:#5f6368;font-size:13px}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}
footer{color:#5f6368;font-size:12px;text-align:center}
@media (forced-colors:active){.brand rect{fill:CanvasText}.brand path,.brand circle{fill:Canvas}}
`;

/** The Content-Security-Policy of every sandbox page: nothing runs, only its own stylesheet applies. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; frame-ancestors 'none'`;

/** The response headers of every sandbox page. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The Freedom ID mark as the element draws it (an original drawing, not the provider's artwork). */
const MARK =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><rect width="24" height="24" rx="6"/><path d="M7.5 6h9v2.75h-6v2.5h5v2.75h-5V18h-3z"/><circle cx="16" cy="16.25" r="1.75"/></svg>';

/** Escapes text for HTML content and double-quoted attributes. */
export function text(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function layout(locale: Locale, title: string, body: string): string {
  const s = STRINGS[locale];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${text(title)} · Freedom ID</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="brand">${MARK}<span>Freedom ID</span><span class="badge" id="badge">${text(s.badge)}</span></div>
${body}
</main>
<footer>${text(s.footer)}</footer>
</body>
</html>`;
}

/** What the sign-in page shows. */
export interface LoginPageInput {
  locale: Locale;
  /** The merchant's host, from the registered redirect URI. */
  site: string;
  /** The interaction's form actions (`/interaction/<uid>`). */
  action: string;
  /** The logins of the test users, for the hint. */
  users: readonly string[];
  /** What the user typed, shown back after a refusal. */
  login?: string;
  /** Why the form was refused, as a key of the strings. */
  problem?: 'enterLogin' | 'unknownUser';
}

/** The sign-in page: login, password, Sign in and Cancel. */
export function loginPage(input: LoginPageInput): string {
  const s = STRINGS[input.locale];
  const users = `${input.users.slice(0, -1).join(', ')} ${s.or} ${input.users.at(-1) ?? ''}`;
  const problem =
    input.problem === undefined
      ? ''
      : `<p class="error" id="login-error" role="alert">${text(fill(s[input.problem], { login: input.login ?? '', users }))}</p>`;
  const invalid =
    input.problem === undefined ? '' : ' aria-invalid="true" aria-describedby="login-error"';
  return layout(
    input.locale,
    s.signInTitle,
    `<h1>${text(s.signInTitle)}</h1>
<p class="lead">${text(fill(s.continueTo, { site: input.site }))}</p>
<form id="login" method="post" action="${text(input.action)}/login" novalidate>
<label for="login-input">${text(s.login)}</label>
<input id="login-input" name="login" autocomplete="username" autocapitalize="none" spellcheck="false" value="${text(input.login ?? '')}"${invalid} autofocus>
${problem}
<label for="password-input">${text(s.password)}</label>
<input id="password-input" name="password" type="password" autocomplete="current-password">
</form>
<div class="actions">
<button type="submit" form="login" id="submit">${text(s.signIn)}</button>
${cancelButton(s, input.action)}
</div>
<p class="hint">${text(fill(s.hint, { users }))}</p>`,
  );
}

/** What the consent page shows. */
export interface ConsentPageInput {
  locale: Locale;
  site: string;
  action: string;
  /** The signed-in user's display name. */
  name: string;
  /** The requested grants (scope values), described in words when known. */
  grants: readonly string[];
}

/** The consent page: who is signed in, what the site will receive, Allow and Cancel. */
export function consentPage(input: ConsentPageInput): string {
  const s = STRINGS[input.locale];
  const items = input.grants
    .map((grant) => `<li data-grant="${text(grant)}">${text(describeGrant(s, grant))}</li>`)
    .join('');
  return layout(
    input.locale,
    fill(s.consentTitle, { site: input.site }),
    `<h1>${text(fill(s.consentTitle, { site: input.site }))}</h1>
<p class="lead">${text(fill(s.signedInAs, { name: input.name }))}</p>
<p>${text(s.willReceive)}</p>
<ul class="grants">${items}</ul>
<form id="consent" method="post" action="${text(input.action)}/confirm"></form>
<div class="actions">
<button type="submit" form="consent" id="allow">${text(s.allow)}</button>
${cancelButton(s, input.action)}
</div>`,
  );
}

function describeGrant(s: Strings, grant: string): string {
  return s.grants[grant] ?? grant;
}

function cancelButton(s: Strings, action: string): string {
  return `<form id="cancel" method="post" action="${text(action)}/abort"><button type="submit" class="secondary">${text(s.cancel)}</button></form>`;
}

/** What the "sign out of Freedom ID" page shows. */
export interface SignOutPageInput {
  locale: Locale;
  /** oidc-provider's end-session form (its action and single-use `xsrf` field), which the button submits. */
  form: string;
}

/** The page of the provider-side sign-out: what it does, and the "Sign out of Freedom ID" button. */
export function signOutPage(input: SignOutPageInput): string {
  const s = STRINGS[input.locale];
  return layout(
    input.locale,
    s.signOutTitle,
    `<h1 id="sign-out-title">${text(s.signOutTitle)}</h1>
<p class="lead">${text(s.signOutText)}</p>
${input.form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" id="sign-out">${text(s.signOut)}</button>
</div>`,
  );
}

/** The page after the provider-side sign-out. */
export function signedOutPage(locale: Locale): string {
  const s = STRINGS[locale];
  return layout(
    locale,
    s.signedOutTitle,
    `<h1 id="signed-out">${text(s.signedOutTitle)}</h1>
<p class="lead">${text(s.signedOutText)}</p>`,
  );
}

/** What a page that ends the sign-in shows. */
export interface EndPageInput {
  locale: Locale;
  /** Where the user came from (the redirect URI's site), when the sandbox knows it. */
  back?: URL;
  /** The OAuth error, for the developer; shown as text in a collapsed block. */
  error?: { code: string; description: string };
}

/** The page for an interaction that has finished or expired (Back after signing in, a refresh). */
export function stalePage(input: EndPageInput): string {
  const s = STRINGS[input.locale];
  return endPage(input, s.staleTitle, s.staleText, 'stale');
}

/** The page for an authorization request the sandbox refuses to send back to the site. */
export function errorPage(input: EndPageInput): string {
  const s = STRINGS[input.locale];
  return endPage(input, s.errorTitle, s.errorText, 'error-page');
}

function endPage(input: EndPageInput, title: string, message: string, id: string): string {
  const s = STRINGS[input.locale];
  const back =
    input.back === undefined
      ? ''
      : `<div class="actions"><a class="button" id="back" href="${text(input.back.href)}">${text(fill(s.backTo, { site: input.back.host }))}</a></div>`;
  const detail =
    input.error === undefined
      ? ''
      : `<details><summary>${text(s.details)}</summary><p><code id="error">${text(input.error.code)}</code>: <span id="error-description">${text(input.error.description)}</span></p></details>`;
  return layout(
    input.locale,
    title,
    `<h1 id="${id}">${text(title)}</h1>
<p class="lead">${text(message)}</p>
${back}
${detail}`,
  );
}
