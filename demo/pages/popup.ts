// Integration style 4: the element in popup mode (`ux-mode="popup"` in demo/popup.html). The same
// page is the popup's redirect page: there the element forwards the callback to this window.
import '../../src/element.js';
import { showOutcomesOf } from './render.js';

showOutcomesOf(document.querySelector('freedomid-login'));
