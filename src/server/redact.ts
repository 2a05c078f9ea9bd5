/** What a token value is replaced with in errors and logs. */
export const REDACTED = '[redacted]';

/** A key whose value is a credential: `access_token`, `refresh_token`, `id_token` and any other `*_token`. */
const TOKEN_KEY = /(^|_)token$/i;

/**
 * Returns a copy of a parsed provider reply with every token value replaced by {@link REDACTED},
 * at any depth, and a text reply with anything shaped like a JWT or a token field redacted.
 */
export function redactTokens(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactTokens);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      TOKEN_KEY.test(key) && field !== undefined && field !== null ? REDACTED : redactTokens(field),
    ]),
  );
}

/** Redacts JWTs and `"…_token": "…"` / `…_token=…` pairs from a text reply (a non-JSON body). */
function redactText(text: string): string {
  return text
    .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, REDACTED)
    .replace(/("?\w*token"?\s*[:=]\s*"?)[^"&\s,}]+/gi, `$1${REDACTED}`);
}
