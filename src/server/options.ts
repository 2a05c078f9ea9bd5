import { invalid, refuseUnknownOptions, requiredString } from './option-checks.js';
import {
  PROVIDER_OPTIONS,
  resolveProvider,
  type ProviderOptions,
  type ResolvedProvider,
} from './provider-options.js';

/** What {@link exchangeCode} needs: one sign-in's values plus the provider options. */
export interface ExchangeCodeOptions extends ProviderOptions {
  /** The authorization code the browser received. */
  code: string;
  /** The redirect URI of the sign-in request, exactly as it was sent. */
  redirectUri: string;
  /** The nonce of the sign-in request, as your backend bound it; the id_token's `nonce` must equal it. */
  nonce: string;
  /** The PKCE verifier of the sign-in request, when it used PKCE; sent as `code_verifier`. */
  codeVerifier?: string;
}

/** The values of one sign-in that the token request and the id_token checks use. */
export interface SignIn {
  code: string;
  redirectUri: string;
  nonce: string;
  codeVerifier: string | undefined;
}

/** Every option of {@link ExchangeCodeOptions}, checked against it by the compiler. */
const EXCHANGE_OPTIONS = {
  ...PROVIDER_OPTIONS,
  code: true,
  redirectUri: true,
  nonce: true,
  codeVerifier: true,
} as const satisfies Record<keyof ExchangeCodeOptions, true>;

/** Checks every option up front and throws `invalid_argument` naming the one to fix. */
export function resolveOptions(options: ExchangeCodeOptions): {
  signIn: SignIn;
  provider: ResolvedProvider;
} {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw invalid(
      undefined,
      'Pass an options object: exchangeCode({ code, redirectUri, nonce, ... }).',
    );
  }
  refuseUnknownOptions(options, EXCHANGE_OPTIONS, 'exchangeCode');
  const code = requiredString(options, 'code', 'the authorization code the browser sent you');
  const redirectUri = requiredString(options, 'redirectUri', 'the redirect URI of the sign-in');
  const nonce = requiredString(options, 'nonce', 'the nonce your backend bound to this sign-in');
  const { codeVerifier } = options;
  if (codeVerifier !== undefined && (typeof codeVerifier !== 'string' || codeVerifier === '')) {
    throw invalid(
      'codeVerifier',
      'codeVerifier must be a non-empty string, or left out when PKCE is off.',
    );
  }
  return { signIn: { code, redirectUri, nonce, codeVerifier }, provider: resolveProvider(options) };
}
