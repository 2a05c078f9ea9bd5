/**
 * The endpoint paths of the sandbox's second provider, shaped like a plain certified OpenID
 * provider rather than Freedom ID: `/authorize`, a form-encoded `/token` with
 * `client_secret_post`, and a discovery document at `/.well-known/openid-configuration`
 * (oidc-provider's own route) that lists them all.
 */
export const STANDARD_ROUTES = {
  authorization: '/authorize',
  token: '/token',
  userinfo: '/userinfo',
  jwks: '/jwks',
} as const;

/** Where the standard provider publishes its configuration (OIDC Discovery §4). */
export const DISCOVERY_PATH = '/.well-known/openid-configuration';
