// The sandbox's interaction routes (`/interaction/<uid>…`): its own sign-in and consent pages in
// place of oidc-provider's development pages, driven through oidc-provider's interaction API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { errors, type Interaction } from 'oidc-provider';
import { findTestUser, TEST_USERS } from '../../src/testing/users.js';
import { consentPage, loginPage, PAGE_HEADERS, stalePage, type LoginPageInput } from './pages.js';
import { pickLocale, type Locale } from './strings.js';

/** Where a started sign-in came from, kept by interaction uid after the interaction itself is gone. */
interface Origin {
  back: URL;
  locale: Locale;
}

/** The most interactions remembered for their way back; the oldest is forgotten first. */
const REMEMBERED = 1000;

/** The way back to the merchant for each interaction the sandbox has shown, by uid. */
export class ReturnLinks {
  readonly #byUid = new Map<string, Origin>();

  remember(uid: string, origin: Origin): void {
    this.#byUid.delete(uid);
    this.#byUid.set(uid, origin);
    if (this.#byUid.size > REMEMBERED) this.#byUid.delete(this.#byUid.keys().next().value ?? '');
  }

  lookUp(uid: string | undefined): Origin | undefined {
    return uid === undefined ? undefined : this.#byUid.get(uid);
  }
}

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/;

/** A handler for the interaction routes of `provider`. */
export function createInteractions(
  provider: Provider,
  returns: ReturnLinks,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const route = ROUTE.exec(new URL(req.url ?? '/', 'http://sandbox').pathname);
    const uid = route?.[1];
    const action = route?.[2];
    const expected = action === undefined ? 'GET' : 'POST';
    if (uid === undefined || req.method !== expected) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const acceptLanguage = req.headers['accept-language'];
    let details: Interaction | undefined;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
    }
    // Back after signing in, a refresh of a finished step, an expired interaction: a way back.
    if (details === undefined || details.uid !== uid || !fits(details, action)) {
      const origin = returns.lookUp(uid);
      send(
        res,
        410,
        stalePage({
          locale: origin?.locale ?? pickLocale(undefined, acceptLanguage),
          ...(origin === undefined ? {} : { back: origin.back }),
        }),
      );
      return;
    }
    const locale = pickLocale(details.params.ui_locales, acceptLanguage);
    const back = new URL(asText(details.params.redirect_uri));
    returns.remember(uid, { back: new URL(back.origin + back.pathname), locale });
    const page = { locale, site: back.host, action: `/interaction/${uid}` };

    if (action === 'abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
    } else if (action === 'login') {
      await logIn(provider, req, res, { ...page, users: TEST_USERS.map((user) => user.login) });
    } else if (action === 'confirm') {
      await confirm(provider, req, res, details);
    } else if (details.prompt.name === 'login') {
      send(res, 200, loginPage({ ...page, users: TEST_USERS.map((user) => user.login) }));
    } else {
      const accountId = details.session?.accountId ?? '';
      send(
        res,
        200,
        consentPage({
          ...page,
          name: findTestUser(accountId)?.claims.name ?? accountId,
          grants: asText(details.params.scope)
            .split(' ')
            .filter((grant) => grant !== ''),
        }),
      );
    }
  };
}

/** Whether the posted step is the one the interaction waits for (a resubmitted old form is not). */
function fits(details: Interaction, action: string | undefined): boolean {
  if (action === 'login') return details.prompt.name === 'login';
  if (action === 'confirm') return details.prompt.name === 'consent';
  return details.prompt.name === 'login' || details.prompt.name === 'consent';
}

/** Signs in a test user by login (any password), or shows the form again saying what is wrong. */
async function logIn(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  page: LoginPageInput,
): Promise<void> {
  const login = (await readForm(req)).get('login')?.trim() ?? '';
  const user = login === '' ? undefined : findTestUser(login);
  if (user === undefined) {
    const problem = login === '' ? 'enterLogin' : 'unknownUser';
    send(res, 200, loginPage({ ...page, login, problem }));
    return;
  }
  // Freedom ID's subjects are UUIDs: the account id (and so `sub`) is the user's, not the login.
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.claims.sub } },
    { mergeWithLastSubmission: false },
  );
}

/** Grants what the interaction asks for, as the user allowed it. */
async function confirm(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  details: Interaction,
): Promise<void> {
  await readForm(req);
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
  const grant =
    (details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId)) ??
    new provider.Grant({
      accountId: details.session?.accountId ?? '',
      clientId: asText(details.params.client_id),
    });
  if (missingOIDCScope !== undefined) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims !== undefined) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A request parameter as text ('' when absent). */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS).end(html);
}
