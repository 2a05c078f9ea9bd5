// The script-tag page's outcome display only: the element itself comes from
// dist/freedomid.iife.js with no build step; this shows its events' results as the other pages do.
import { showOutcomesOf } from './render.js';

showOutcomesOf(document.querySelector('freedomid-login'));
