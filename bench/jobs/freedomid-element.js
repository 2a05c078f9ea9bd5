// freedomid-web's <freedomid-login> element entry (the built dist/element.js), as a page imports it.
import '../../dist/element.js';
