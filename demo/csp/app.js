/* global document */
// The strict-CSP demo's only page script: external and same-origin, so `script-src 'self'` runs it.
// It lists every CSP violation the page sees and shows the sign-in's outcome, as text only (no
// innerHTML: under `require-trusted-types-for 'script'` that would throw).
'use strict';

(() => {
  /** Violations seen so far, kept until the list exists (this script runs in <head>). */
  const violations = [];

  function show() {
    const list = document.getElementById('violations');
    const none = document.getElementById('no-violations');
    if (list === null || none === null) return;
    list.replaceChildren(
      ...violations.map((text) => {
        const item = document.createElement('li');
        item.textContent = text;
        return item;
      }),
    );
    none.hidden = violations.length > 0;
  }

  function setText(id, text) {
    const box = document.getElementById(id);
    if (box === null) return;
    box.textContent = text;
    box.hidden = false;
  }

  document.addEventListener('securitypolicyviolation', (event) => {
    const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
    violations.push(
      `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}${where}`,
    );
    show();
  });
  document.addEventListener('DOMContentLoaded', show);

  document.addEventListener('freedomid-redirect', () => {
    setText('status', 'Going to Freedom ID…');
  });
  document.addEventListener('freedomid-callback', () => {
    setText('status', 'Callback accepted; the backend is exchanging the code…');
  });
  document.addEventListener('freedomid-session', (event) => {
    const profile = event.detail.response?.profile;
    const who = profile?.name ?? profile?.sub;
    setText('status', who ? `Signed in as ${who}.` : 'Signed in.');
  });
  document.addEventListener('freedomid-error', (event) => {
    // Words for the user on the page; the code and the developer's message in the console.
    console.error(`Sign-in failed (${event.detail.code}): ${event.detail.message}`, event.detail);
    setText('status', '');
    setText(
      'error',
      event.detail.error === 'access_denied'
        ? 'You cancelled the sign-in. You can try again at any time.'
        : 'Signing in did not work. Try again.',
    );
  });
})();
