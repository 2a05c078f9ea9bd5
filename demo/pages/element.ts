// Integration style 2: the <freedomid-login> element imported as an ES module.
// A merchant writes `import 'freedomid-web/element'`; the demo imports the source so it runs before a build.
import '../../src/element.js';
import { showError, showProfile } from './render.js';

const button = document.querySelector('freedomid-login');
button?.addEventListener('freedomid-session', (event) => {
  showProfile(event.detail.response);
});
button?.addEventListener('freedomid-error', (event) => {
  showError(event.detail);
});
