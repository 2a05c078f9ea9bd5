// The small part of oidc-provider's API the sandbox uses (the package ships no type declarations).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** The Koa context oidc-provider hands to middleware registered with `provider.use`. */
  export interface KoaContext {
    readonly path: string;
    readonly method: string;
    readonly query: Record<string, string | string[] | undefined>;
    status: number;
    body: unknown;
    type: string;
    req: IncomingMessage;
    readonly request: { req: IncomingMessage };
    is(type: string): string | false | null;
    get(field: string): string;
    set(field: string, value: string): void;
    readonly oidc?: {
      readonly route?: string;
      readonly params?: Record<string, unknown>;
      /** The models the request loaded, e.g. the exchanged `AuthorizationCode` (with its `sid`). */
      readonly entities?: { readonly AuthorizationCode?: { readonly sid?: string } };
    };
  }

  export type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    client_name?: string;
    /** OIDC Back-Channel Logout 1.0 §2.2: where the provider POSTs a logout_token. */
    backchannel_logout_uri?: string;
    backchannel_logout_session_required?: boolean;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface ClientLike {
    grantTypeAllowed(grantType: string): boolean;
  }

  /** A registered client as oidc-provider models it. */
  export interface Client extends ClientLike {
    redirectUriAllowed: (this: Client, redirectUri: string) => boolean;
    /** Tells the client that `sub`'s session `sid` ended (oidc-provider POSTs a logout_token). */
    backchannelLogout: (this: Client, sub: string, sid: string) => Promise<void>;
    readonly backchannelLogoutUri?: string;
  }

  /** What `interactionDetails` returns: the pending prompt and the authorization request. */
  export interface Interaction {
    readonly uid: string;
    readonly prompt: {
      readonly name: string;
      readonly details: {
        readonly missingOIDCScope?: string[];
        readonly missingOIDCClaims?: string[];
        readonly missingResourceScopes?: Record<string, string[]>;
      };
    };
    readonly params: Record<string, unknown>;
    readonly session?: { readonly accountId: string };
    readonly grantId?: string;
  }

  /** What the end-user decided at an interaction (oidc-provider's interaction result). */
  export type InteractionResult =
    | { login: { accountId: string } }
    | { consent: { grantId: string } }
    | { error: string; error_description?: string };

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    routes?: Record<string, string>;
    scopes?: string[];
    claims?: Record<string, string[]>;
    responseTypes?: string[];
    conformIdTokenClaims?: boolean;
    findAccount?: (ctx: KoaContext, id: string) => Promise<Account | undefined>;
    issueRefreshToken?: (ctx: KoaContext, client: ClientLike) => Promise<boolean>;
    pkce?: { required: () => boolean };
    ttl?: Record<string, number>;
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys: string[] };
    clientBasedCORS?: () => boolean;
    /** How oidc-provider makes its outgoing calls (back-channel logout among them). */
    fetch?: (
      url: URL | string,
      options: RequestInit & { dispatcher?: unknown },
    ) => Promise<Response>;
    renderError?: (ctx: KoaContext, out: Record<string, unknown>, error: unknown) => Promise<void>;
    features?: Record<string, { enabled: boolean } & Record<string, unknown>>;
    interactions?: { url: (ctx: KoaContext, interaction: { uid: string }) => string };
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: Middleware): void;
    on(event: string, listener: (...args: unknown[]) => void): void;
    readonly Client: { prototype: Client };
    readonly Grant: typeof Grant;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  export const errors: {
    SessionNotFound: new (...args: never[]) => Error;
  };
}
