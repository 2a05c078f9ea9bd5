import { css, html, nothing, type TemplateResult } from 'lit';
import type { FreedomIdSession } from '../index.js';
import { mark, spinner } from './logo.js';
import { SESSION_STRINGS, type Locale, type SessionStrings } from './strings.js';

/** The signed-in state's look: the user line beside the sign-out button (which the button's rules style). */
// prettier-ignore
export const signedInStyles = css`[part=signed-in]{display:flex;flex-wrap:wrap;align-items:center;gap:.5em .75em;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}`;

/** The user's name the signed-in state shows: the session's `data.name`, when the backend's `onSignIn` returned one as text. */
export function nameOf(session: FreedomIdSession): string | undefined {
  const { data } = session;
  const name =
    typeof data === 'object' && data !== null ? (data as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/**
 * Who is signed in (the name as text, never markup) and a real sign-out button, which the line
 * describes to assistive technology; `own` holds the merchant's texts (`strings`), also text.
 */
export function signedIn(
  session: FreedomIdSession,
  locale: Locale,
  busy: boolean,
  disabled: boolean,
  own: Partial<SessionStrings> | undefined,
  signOut: () => void,
): TemplateResult {
  const strings = { ...SESSION_STRINGS[locale], ...own };
  const name = nameOf(session);
  const user =
    name === undefined
      ? strings.signedIn
      : html`${strings.signedInAs} <strong part="name">${name}</strong>`;
  // prettier-ignore
  return html`<div part="signed-in" lang=${locale}><span id="user" part="user">${user}</span><button part="sign-out" type="button" aria-describedby="user" aria-busy=${busy ? 'true' : nothing} ?disabled=${busy || disabled} @click=${signOut}><span part="logo">${busy ? spinner : mark}</span>${strings.signOut}</button></div>`;
}
