// Integration style 2: the <freedomid-login> element imported as an ES module.
import 'freedomid-web/element';
import { showError, showProfile } from './render.js';

const button = document.querySelector('freedomid-login');
button?.addEventListener('freedomid-session', (event) => {
  showProfile(event.detail.response);
});
button?.addEventListener('freedomid-error', (event) => {
  showError(event.detail);
});
