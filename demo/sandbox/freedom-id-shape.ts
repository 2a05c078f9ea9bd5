import { IncomingMessage } from 'node:http';
import type { KoaContext, Middleware } from 'oidc-provider';
import {
  AUTHORIZATION_PATH,
  invalidCodeEnvelope,
  JWKS_PATH,
  REQUIRED_AUTHORIZATION_PARAMS,
  TOKEN_PATH,
  validationEnvelope,
} from '../../src/testing/freedom-id.js';
import { FREEDOM_ID_FIELDS } from '../../src/server/userinfo.js';
import { GRANTS } from '../../src/testing/users.js';
import { DISCOVERY_PATH } from './standard-shape.js';

export { INVALID_AUTHORIZATION_CODE } from '../../src/testing/freedom-id.js';

/**
 * Freedom ID's published endpoint paths (REFERENCE.md §1, §3), shared with the testing kit;
 * userinfo and JWKS are not published.
 */
export const ROUTES = {
  authorization: AUTHORIZATION_PATH,
  token: TOKEN_PATH,
  userinfo: '/api/v1/oidc/userinfo',
  jwks: JWKS_PATH,
  // Not published either: the sandbox's page for signing out of Freedom ID (oidc-provider's end_session).
  end_session: '/session/end',
} as const;

/** What the Freedom ID shape answers at the discovery path. */
export const NO_DISCOVERY =
  'Freedom ID publishes no discovery document: configure its endpoints instead (docs/backend.md).';

/**
 * Koa middleware that gives oidc-provider Freedom ID's shapes: no discovery document, required
 * parameters and known grants at `/openid`, a JSON body at the token endpoint, and `{"error": {"message", "code"}}`
 * error replies there. The protocol itself stays oidc-provider's.
 */
export const freedomIdShape: Middleware = async (ctx, next) => {
  if (ctx.path === DISCOVERY_PATH) {
    // Freedom ID publishes no discovery document (REFERENCE.md §3): a backend that relies on one
    // must fail here as it would in production, not only after going live.
    ctx.status = 404;
    ctx.body = { error: { message: NO_DISCOVERY } };
    return;
  }
  if (ctx.path === ROUTES.authorization && ctx.method === 'GET') {
    const errors = authorizationValidationErrors(ctx);
    if (errors !== null) {
      ctx.status = 400;
      ctx.body = validationEnvelope(errors);
      return;
    }
  }
  if (ctx.path === ROUTES.userinfo) {
    await next();
    ctx.body = toFreedomFields(ctx.body);
    return;
  }
  if (ctx.path !== ROUTES.token) {
    await next();
    return;
  }
  if (ctx.method === 'POST' && ctx.is('application/json') !== false) await jsonToForm(ctx);
  await next();
  reshapeTokenReply(ctx);
};

/** Field errors for a request missing one of the six parameters or naming an unknown grant, else null. */
function authorizationValidationErrors(ctx: KoaContext): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const name of REQUIRED_AUTHORIZATION_PARAMS) {
    const value = ctx.query[name];
    if (typeof value !== 'string' || value === '') {
      errors[name] = [`The ${name} field is required.`];
    }
  }
  const scope = ctx.query.scope;
  if (typeof scope === 'string') {
    const unknown = scope.split(' ').filter((grant) => grant !== '' && !GRANTS.includes(grant));
    if (unknown.length > 0) errors.scope = [`Unknown grants: ${unknown.join(', ')}.`];
  }
  return Object.keys(errors).length === 0 ? null : errors;
}

async function readBody(ctx: KoaContext): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON token request and hands oidc-provider the same fields form-encoded. */
async function jsonToForm(ctx: KoaContext): Promise<void> {
  let fields: unknown;
  try {
    fields = JSON.parse(await readBody(ctx));
  } catch {
    fields = null;
  }
  const form = new URLSearchParams();
  if (typeof fields === 'object' && fields !== null) {
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === 'string' || typeof value === 'number') form.set(key, String(value));
    }
  }
  // A fresh request carrying the form, so oidc-provider reads a body as from the wire.
  const body = Buffer.from(form.toString(), 'utf8');
  const replay = new IncomingMessage(ctx.req.socket);
  replay.method = ctx.req.method;
  replay.url = ctx.req.url;
  replay.headers = {
    ...ctx.req.headers,
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(body.length),
  };
  replay.complete = true;
  replay.push(body);
  replay.push(null);
  ctx.req = replay;
  ctx.request.req = replay;
}

/** Turns an OAuth error reply into Freedom ID's envelope and drops what Freedom ID does not send. */
function reshapeTokenReply(ctx: KoaContext): void {
  const body: unknown = ctx.body;
  if (typeof body !== 'object' || body === null) return;
  const reply = body as Record<string, unknown>;
  if (typeof reply.error === 'string') {
    const description = typeof reply.error_description === 'string' ? reply.error_description : '';
    ctx.body =
      reply.error === 'invalid_grant'
        ? invalidCodeEnvelope()
        : { error: { message: `${reply.error}: ${description}`.replace(/: $/, '') } };
    return;
  }
  const published = { ...reply };
  delete published.scope;
  // The token id a later revoke call names (revokeCall in provider.ts): this client's session id.
  const sid = ctx.oidc?.entities?.AuthorizationCode?.sid;
  if (sid !== undefined) published.id = sid;
  ctx.body = published;
}

/** Freedom ID's profile field for each standard claim (the inverse of src/server's mapping). */
const FREEDOM_FIELD_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FREEDOM_ID_FIELDS).map(([field, claim]) => [claim, field]),
);

/** A userinfo reply with Freedom ID's field names (`firstname`, `phone`, …) in place of the standard ones. */
function toFreedomFields(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || 'error' in body) return body;
  return Object.fromEntries(
    Object.entries(body).map(([claim, value]) => [FREEDOM_FIELD_OF[claim] ?? claim, value]),
  );
}
