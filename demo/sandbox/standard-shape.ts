import type { Middleware } from 'oidc-provider';

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
  end_session: '/session/end',
} as const;

/** Where the standard provider publishes its configuration (OIDC Discovery §4). */
export const DISCOVERY_PATH = '/.well-known/openid-configuration';

/**
 * Holds the token endpoint to the clients' registered `client_secret_post` (OIDC Registration §2),
 * which oidc-provider would otherwise accept as interchangeable with HTTP Basic: a relying party
 * configured for the wrong method fails here as it would at a strict provider.
 */
export const standardShape: Middleware = async (ctx, next) => {
  if (ctx.method === 'POST' && ctx.path === STANDARD_ROUTES.token && ctx.get('authorization')) {
    ctx.status = 401;
    ctx.body = {
      error: 'invalid_client',
      error_description:
        'this client authenticates with client_secret_post: send client_id and client_secret in the form body, not an Authorization header',
    };
    return;
  }
  await next();
};
