// Type-level test of the README's Angular snippet (checked by `npm run typecheck`, never run).
import { CUSTOM_ELEMENTS_SCHEMA, Component } from '@angular/core';
import 'freedomid-web/element';
import type { FreedomIdLoginEventMap } from 'freedomid-web/element';

@Component({
  selector: 'app-sign-in',
  standalone: true,
  // Lets Angular's template compiler accept <freedomid-login> and its kebab-case attributes.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <freedomid-login
      client-id="c388f3cd-7722-4040-9bb2-94b0a05093aa"
      params-url="/api/freedomid/params"
      backend-url="/api/freedomid/callback"
      (freedomid-session)="onSession($event)"
      (freedomid-error)="onError($event)"
    ></freedomid-login>
    <p>{{ profile }}</p>
  `,
})
export class SignInComponent {
  profile = '';

  onSession(event: FreedomIdLoginEventMap['freedomid-session']): void {
    this.profile = JSON.stringify(event.detail.response);
  }

  onError(event: FreedomIdLoginEventMap['freedomid-error']): void {
    console.error(event.detail.code, event.detail.message);
  }
}

// The typings must catch these mistakes (each line fails to compile without its directive).
export const mistakes = [
  (event: FreedomIdLoginEventMap['freedomid-error']) => {
    // @ts-expect-error the error detail's status is a number, not a string
    const status: string | undefined = event.detail.status;
    return status;
  },
  (event: FreedomIdLoginEventMap['freedomid-callback']) => {
    // @ts-expect-error the code verifier is absent without pkce, so it may be undefined
    const verifier: string = event.detail.codeVerifier;
    return verifier;
  },
];
