// Any certified OpenID provider by configuration (issue 13, the browser half): its own
// authorization endpoint, its issuer compared exactly as written, and its name in messages.
import { expect } from '@open-wc/testing';
import { callbackUrl, clearEntries, makeClient, rejection, startSignIn } from '../helpers/sdk.js';

/** A standards-shaped provider: /authorize path, an issuer ending in "/". */
const ISSUER = 'http://127.0.0.1:9401/';
const ENDPOINT = 'http://127.0.0.1:9401/oauth2/authorize?tenant=shop';

describe('FreedomIdClient with another provider', () => {
  afterEach(() => {
    clearEntries();
  });

  it('sends the user to authorizationEndpoint, keeping its query, then the six parameters', async () => {
    const { client } = makeClient({ authority: ISSUER, authorizationEndpoint: ENDPOINT });
    const url = await client.createAuthorizationUrl();
    expect(url.origin + url.pathname).to.equal('http://127.0.0.1:9401/oauth2/authorize');
    expect([...url.searchParams.keys()]).to.deep.equal([
      'tenant',
      'scope',
      'state',
      'response_type',
      'client_id',
      'redirect_uri',
      'nonce',
    ]);
  });

  it('without authorizationEndpoint, builds authority + "/openid" with no "//"', async () => {
    const { client } = makeClient({ authority: ISSUER });
    const url = await client.createAuthorizationUrl();
    expect(url.origin + url.pathname).to.equal('http://127.0.0.1:9401/openid');
  });

  describe('the RFC 9207 iss check compares the issuer exactly as configured', () => {
    const cases: [authority: string, iss: string, accepted: boolean][] = [
      [ISSUER, ISSUER, true],
      [ISSUER, 'http://127.0.0.1:9401', false],
      [ISSUER, 'http://127.0.0.1:9401//', false],
      ['http://127.0.0.1:9401', 'http://127.0.0.1:9401', true],
      ['http://127.0.0.1:9401', ISSUER, false],
    ];
    for (const [authority, iss, accepted] of cases) {
      it(`authority ${authority}, iss ${iss} → ${accepted ? 'accepted' : 'issuer_mismatch'}`, async () => {
        const { client } = makeClient({ authority });
        const { state } = await startSignIn(client);
        const href = callbackUrl({ code: 'c', state, iss });
        if (accepted) {
          expect((await client.handleCallback(href)).state).to.equal(state);
        } else {
          expect((await rejection(() => client.handleCallback(href))).code).to.equal(
            'issuer_mismatch',
          );
        }
      });
    }
  });

  it('names the provider from providerName in its messages', async () => {
    const { client } = makeClient({ authority: ISSUER, providerName: 'LemonLDAP::NG' });
    const unverified = await rejection(() =>
      client.handleCallback(callbackUrl({ error: 'server_error' })),
    );
    expect(unverified.message).to.equal(
      'LemonLDAP::NG could not complete the sign-in (error "server_error"). The callback carried no state this site issued, so it may not come from LemonLDAP::NG.',
    );
    const altered = await rejection(() =>
      client.handleCallback(callbackUrl({ code: 'a', state: 's' }) + '&code=b'),
    );
    expect(altered.message).to.contain('which LemonLDAP::NG never sends');
  });
});
