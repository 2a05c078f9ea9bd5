// The example merchant's sign-in page: <freedomid-login> and a status line. The same page is
// the redirect URI: when Freedom ID sends the user back, the element validates the callback,
// POSTs it to the backend and the page shows who signed in.
// In your project: import 'freedomid-web/element';
import '../../src/element.js';
import type { FreedomIdErrorDetail } from '../../src/element.js';
import type { CallbackReply } from './backend.js';

/** The page's settings (a real page has them in its markup). */
export interface LoginPageConfig {
  clientId: string;
  /** Default `openid read.profile read.email`. */
  scope?: string;
  /** Where the handler lives (`{basePath}/params`, `{basePath}/callback`). Default `/api/freedomid`. */
  basePath?: string;
  /** Default: the page's own URL (origin + path). */
  redirectUri?: string;
}

/** Renders the page into `root`: the button, and a status line that says how the sign-in went. */
export function renderLoginPage(root: HTMLElement, config: LoginPageConfig): void {
  const button = document.createElement('freedomid-login');
  button.setAttribute('client-id', config.clientId);
  button.setAttribute('scope', config.scope ?? 'openid read.profile read.email');
  const basePath = config.basePath ?? '/api/freedomid';
  button.setAttribute('params-url', `${basePath}/params`);
  button.setAttribute('backend-url', `${basePath}/callback`);
  if (config.redirectUri !== undefined) button.setAttribute('redirect-uri', config.redirectUri);
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.dataset.status = 'idle';
  root.replaceChildren(button, status);

  const show = (state: string, text: string) => {
    status.dataset.status = state;
    status.textContent = text;
  };
  root.addEventListener('freedomid-session', (event) => {
    const reply = event.detail.response as CallbackReply;
    if ('user' in reply) {
      show('signed-in', `Signed in as ${reply.user.name ?? reply.user.sub}.`);
    } else {
      show('error', 'We could not sign you in. Please try again.');
    }
  });
  root.addEventListener('freedomid-error', (event) => {
    show('error', errorText(event.detail));
  });
}

/** What the page tells the user for each way a sign-in ends badly. */
export function errorText(detail: FreedomIdErrorDetail): string {
  if (detail.code === 'provider_error' && detail.error === 'access_denied') {
    return 'You cancelled the sign-in.';
  }
  if (detail.code === 'provider_error')
    return 'Freedom ID could not sign you in. Please try again.';
  if (detail.code === 'state_not_found' || detail.code === 'state_expired') {
    return 'This sign-in link is no longer valid. Please start again.';
  }
  if (detail.code === 'backend_error' && (detail.status === 502 || detail.status === 504)) {
    return 'Freedom ID is not answering. Please try again in a minute.';
  }
  return 'We could not sign you in. Please try again.';
}
