import { discover } from './discovery.js';
import { invalid } from './option-checks.js';
import { FREEDOM_ID_TOKEN_PATH, type ResolvedProvider } from './provider-options.js';
import { urlFromIssuer } from './provider-urls.js';

/** Where the token request goes and where the id_token's keys are, once discovery (if any) is done. */
export interface Endpoints {
  tokenEndpoint: URL;
  /** Undefined only without discovery and without `jwksUri`: the signature is then not verified. */
  jwksUri: URL | undefined;
  /** Where the profile comes from; undefined: no userinfo call. */
  userinfoEndpoint: URL | undefined;
}

/**
 * Returns the provider's endpoints: the configured ones, else discovery's, else Freedom ID's
 * documented path under the issuer. With discovery, the configured `idTokenSigningAlg` and
 * `clientAuth` must be among the ones the provider lists (discovery never widens them).
 */
export async function providerEndpoints(provider: ResolvedProvider): Promise<Endpoints> {
  if (!provider.discovery) {
    return {
      tokenEndpoint:
        provider.tokenEndpoint ?? urlFromIssuer(provider.issuer, FREEDOM_ID_TOKEN_PATH),
      jwksUri: provider.jwksUri,
      userinfoEndpoint: provider.userinfoEndpoint,
    };
  }
  const metadata = await discover(provider);
  if (!metadata.signingAlgs.includes(provider.idTokenSigningAlg)) {
    throw invalid(
      'idTokenSigningAlg',
      `${provider.providerName} signs id_tokens with ${metadata.signingAlgs.join(', ')}, not idTokenSigningAlg "${provider.idTokenSigningAlg}": set idTokenSigningAlg to the one your client is registered for.`,
    );
  }
  if (!metadata.clientAuthMethods.includes(provider.clientAuth)) {
    throw invalid(
      'clientAuth',
      `${provider.providerName} accepts client authentication ${metadata.clientAuthMethods.join(', ')}, not clientAuth "${provider.clientAuth}": set clientAuth to one of them.`,
    );
  }
  return {
    tokenEndpoint: provider.tokenEndpoint ?? metadata.tokenEndpoint,
    jwksUri: provider.jwksUri ?? metadata.jwksUri,
    userinfoEndpoint: provider.userinfoEndpoint ?? metadata.userinfoEndpoint,
  };
}
