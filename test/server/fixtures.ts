// The server tests' shared values live in test/helpers/server.ts; this keeps `./fixtures.js` imports working.
export * from '../helpers/server.js';
