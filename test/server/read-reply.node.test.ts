import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fetchReply } from '../../src/server/read-reply.js';
import { rejection } from './fixtures.js';

const ENDPOINT = 'https://idp.example/token';
const ELSEWHERE = 'https://other.example/token';
const followed: string[] = [];
const server = setupServer(
  http.post(
    ENDPOINT,
    () => new HttpResponse(null, { status: 302, headers: { location: ELSEWHERE } }),
  ),
  http.post(ELSEWHERE, ({ request }) => {
    followed.push(request.url);
    return HttpResponse.json({ access_token: 'stolen', id_token: 'x.y.z' });
  }),
);

before(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
after(() => {
  server.close();
});

describe('fetchReply', () => {
  it('refuses a redirect without following it, with invalid_response and its status (redirect "manual", which Workers accept)', async () => {
    const error = await rejection(() =>
      fetchReply(ENDPOINT, { method: 'POST', body: '{}' }, 'the token endpoint', 5000),
    );
    assert.deepEqual(
      [error.code, error.status, error.message],
      [
        'invalid_response',
        302,
        'the token endpoint answered with a redirect (HTTP 302), which is never followed: set the URL that answers itself.',
      ],
    );
    assert.deepEqual(followed, []);
  });
});
