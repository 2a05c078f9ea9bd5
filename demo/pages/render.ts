// Shows the demo's outcome on the page: the profile the backend returned, or an error.
// Everything from the provider or the backend is set with textContent, never as HTML.

/** Reads a `<meta name="freedomid-…">` value the demo server filled in. */
export function meta(name: string): string {
  const element = document.querySelector<HTMLMetaElement>(`meta[name="freedomid-${name}"]`);
  if (element === null) throw new Error(`This page lacks <meta name="freedomid-${name}">.`);
  return element.content;
}

/** Renders the backend's `{ profile }` reply as a list of claims in `#profile`. */
export function showProfile(reply: unknown): void {
  const profile = isRecord(reply) && isRecord(reply.profile) ? reply.profile : {};
  const list = document.querySelector('#profile');
  const status = document.querySelector('#status');
  if (list === null || status === null) return;
  list.replaceChildren();
  for (const [claim, value] of Object.entries(profile)) {
    const term = document.createElement('dt');
    term.textContent = claim;
    const detail = document.createElement('dd');
    detail.dataset.claim = claim;
    detail.textContent = typeof value === 'string' ? value : JSON.stringify(value);
    list.append(term, detail);
  }
  const name = typeof profile.name === 'string' ? profile.name : String(profile.sub);
  status.textContent = `Signed in as ${name}.`;
}

/** Renders an error's code (and the backend's own code, when there is one) in `#error`. */
export function showError(error: unknown): void {
  const box = document.querySelector('#error');
  if (box === null) return;
  const detail = isRecord(error) ? error : {};
  const code = document.createElement('code');
  code.dataset.errorCode = '';
  code.textContent = typeof detail.code === 'string' ? detail.code : 'unexpected';
  const parts: Node[] = [code];
  const response = detail.response;
  if (isRecord(response) && isRecord(response.error) && typeof response.error.code === 'string') {
    const backendCode = document.createElement('code');
    backendCode.dataset.backendCode = '';
    backendCode.textContent = response.error.code;
    parts.push(document.createTextNode(' from the backend: '), backendCode);
  }
  const message = typeof detail.message === 'string' ? detail.message : String(error);
  parts.push(document.createTextNode(` — ${message}`));
  box.replaceChildren(...parts);
  box.removeAttribute('hidden');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Shows what the page's `<freedomid-login>` reports: the backend's profile, or the error. */
export function showOutcomesOf(element: HTMLElement | null): void {
  element?.addEventListener('freedomid-session', (event) => {
    showProfile(event.detail.response);
  });
  element?.addEventListener('freedomid-error', (event) => {
    showError(event.detail);
  });
}
