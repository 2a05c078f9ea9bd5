// Type-level test of the React 19 typings (checked by `npm run typecheck`, never run): the README's
// React snippet, plus the mistakes the typings must catch.
import type {} from '../../src/react.js';
import { useState } from 'react';

export function SignIn() {
  const [name, setName] = useState('');
  return (
    <>
      <freedomid-login
        client-id="c388f3cd-7722-4040-9bb2-94b0a05093aa"
        scope="openid read.profile"
        params-url="/api/freedomid/params"
        backend-url="/api/freedomid/callback"
        theme="outline"
        size="large"
        ux-mode="popup"
        onfreedomid-session={(event) => {
          setName(JSON.stringify(event.detail.response));
        }}
        onfreedomid-error={(event) => {
          console.error(event.detail.code, event.detail.message);
        }}
      />
      <freedomid-login
        client-id="c388f3cd-7722-4040-9bb2-94b0a05093aa"
        session-url="/api/freedomid/session"
        onfreedomid-signed-in={(event) => {
          setName(event.detail.session.sub);
        }}
        onfreedomid-signed-out={(event) => {
          if (event.detail.logoutUrl !== undefined) location.assign(event.detail.logoutUrl);
        }}
      />
      <p>{name}</p>
    </>
  );
}

export const mistakes = [
  // @ts-expect-error the client id is required
  <freedomid-login key="a" />,
  // @ts-expect-error "purple" is not a theme
  <freedomid-login key="b" client-id="x" theme="purple" />,
  // @ts-expect-error "de" is not a locale
  <freedomid-login key="d" client-id="x" locale="de" />,
  <freedomid-login
    key="s"
    client-id="x"
    onfreedomid-signed-out={(event) => {
      // @ts-expect-error the signed-out detail has no session
      console.info(event.detail.session);
    }}
  />,
  // @ts-expect-error the width is a number of pixels
  <freedomid-login key="e" client-id="x" width="wide" />,
  <freedomid-login key="g" client-id="x" locale="kk" text="continue" width={200} pkce disabled />,
  <freedomid-login
    key="c"
    client-id="x"
    onfreedomid-error={(event) => {
      // @ts-expect-error the error detail's status is a number
      const status: string = event.detail.status;
      console.log(status);
    }}
    onfreedomid-redirect={(event) => {
      // @ts-expect-error the redirect event carries the URL as a string
      const url: URL = event.detail.url;
      console.log(url);
    }}
  />,
];
