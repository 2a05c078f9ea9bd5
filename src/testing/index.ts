// freedomid-web/testing: fakes of Freedom ID for merchants' tests (MSW handlers, a sign-in
// simulator, test users). Never imported by the browser or script-tag entries.
export { freedomIdHandlers, SLOW_REPLY_MS } from './handlers.js';
export { simulateSignIn, buildCallbackUrl, DENIED_DESCRIPTION, SignInFlow } from './simulator.js';
export { mintCode, readCode, CODE_PREFIX } from './code.js';
export { createSigningKey, kitSigningKey, signIdToken } from './signing-key.js';
export { TOKEN_LIFETIME_SECONDS } from './token-endpoint.js';
export { parseAuthorizationRequest } from './authorization-request.js';
export { TEST_USERS, GRANTS, GRANT_CLAIMS, findTestUser, claimsForScope } from './users.js';
export {
  FREEDOM_ID_ISSUER,
  AUTHORIZATION_PATH,
  TOKEN_PATH,
  JWKS_PATH,
  INVALID_AUTHORIZATION_CODE,
  CALLBACK_ERROR_CODE,
} from './freedom-id.js';
export type { FreedomIdFailure, FreedomIdHandlersOptions } from './handlers.js';
export type { CallbackOptions, SignInOutcome, SimulateSignInOptions } from './simulator.js';
export type { MintCodeOptions, MintedCode } from './code.js';
export type { PublicJwk, SigningKey } from './signing-key.js';
export type { TokenReplyBody } from './token-endpoint.js';
export type { AuthorizationRequest } from './authorization-request.js';
export type { TestUser, TestUserClaims } from './users.js';
export type { FreedomIdErrorEnvelope } from './freedom-id.js';
