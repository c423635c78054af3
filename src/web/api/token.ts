/**
 * The access token of a server started with NEWSGRAPH_TOKEN: typed by the analyst, kept for the
 * browser tab only (sessionStorage), sent as a bearer token. The server never hands it out.
 */
const TOKEN_KEY = 'newsgraph.token';
let token: string | null = (() => {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
})();

export function setAccessToken(t: string | null): void {
  token = t && t.trim() ? t.trim() : null;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage disabled: kept in memory */
  }
}

/** Headers every API call needs (the bearer token when one was given). */
export function authHeaders(): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
