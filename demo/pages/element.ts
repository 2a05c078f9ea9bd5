// Integration style 2: the <freedomid-login> element imported as an ES module.
// A merchant writes `import 'freedomid-web/element'`; the demo imports the source so it runs before a build.
import '../../src/element.js';
import { showOutcomesOf } from './render.js';

showOutcomesOf(document.querySelector('freedomid-login'));
