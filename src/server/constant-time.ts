const encoder = new TextEncoder();

/**
 * Whether two secrets (a state, a nonce) are equal, in time that does not depend on where they
 * differ; only their length, which is no secret, can end the comparison early.
 */
export function equalSecrets(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
