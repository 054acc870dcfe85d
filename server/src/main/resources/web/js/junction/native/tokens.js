// Where a page gets the access token (JWT) of a native-protocol session.
//
// In production the application's backend signs a token for each person and hands it to the
// page (e.g. in the link: ?token=…). A development server (native.auth.mode: none) needs no
// token, but mints any token for pages on the same machine (POST /api/v1/dev/token), so the
// token path is tried before anything goes to production.

/**
 * A token source for NativeSession that asks the development server for a token and falls
 * back to none when it mints none: the server is in production mode (404), or the page is
 * not on the server's machine (403). Errors other than those are thrown: they are worth a
 * notice, not a silent fallback.
 *
 * @param {string} server  http(s) origin of the Junction server
 * @param {() => object} claims  the request body: {identity, name, room, publish, subscribe, data, ttlSeconds}
 * @param {(...args: any[]) => void} [log]
 * @returns {() => Promise<string|null>}
 */
export function devTokenSource(server, claims, log = () => {}) {
  return async () => {
    const res = await fetch(new URL('/api/v1/dev/token', server), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(claims()),
      cache: 'no-store',
    });
    if (res.status === 404 || res.status === 403) {
      log(`no development token (HTTP ${res.status}): joining without one`);
      return null;
    }
    if (!res.ok) {
      const problem = await res.json().catch(() => ({}));
      throw new Error(problem.detail || `HTTP ${res.status}`);
    }
    const { token } = await res.json();
    log('using a development token');
    return token;
  };
}

/**
 * Takes `?token=` out of the address bar (so it is neither bookmarked, shared with the link,
 * nor sent as a referrer) and returns it; null when there is none.
 */
export function tokenFromAddressBar() {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token === null) return null;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url);
  return token || null;
}
