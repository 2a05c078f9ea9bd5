/* global document */
// The strict-CSP demo's only page script: external and same-origin, so `script-src 'self'` runs it.
// It lists every CSP violation the page sees and the sign-in's progress, as text only (no
// innerHTML: under `require-trusted-types-for 'script'` that would throw); /demo/script-tag.js
// shows the outcome as on the other demo pages.
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

  function setStatus(text) {
    const status = document.getElementById('status');
    if (status !== null) status.textContent = text;
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
    setStatus('Going to Freedom ID…');
  });
  document.addEventListener('freedomid-callback', () => {
    setStatus('Callback accepted; the backend is exchanging the code…');
  });
})();
