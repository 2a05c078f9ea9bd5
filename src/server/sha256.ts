/** The runtime's `node:crypto` `createHash`, where it has one (Node, Deno, Bun), found without an import so the entry loads anywhere. */
type CreateHash = (algorithm: 'sha256') => {
  update(data: string): { digest(): Uint8Array };
};

const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
  .process;
const nodeCrypto = runtime?.getBuiltinModule?.('node:crypto') as
  { createHash?: CreateHash } | undefined;

/**
 * SHA-256 of `text` (UTF-8): `node:crypto`'s hash where the runtime has it, which answers at once,
 * else Web Crypto's `digest` (or with `createHash` null), which in Node costs a round trip through
 * the thread pool per call: the bench's profile of `/params` found two of them costing more than its JWE.
 * @see https://www.rfc-editor.org/rfc/rfc6234
 */
export async function sha256(
  text: string,
  createHash: CreateHash | null = nodeCrypto?.createHash ?? null,
): Promise<Uint8Array> {
  if (createHash !== null) return new Uint8Array(createHash('sha256').update(text).digest());
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}
