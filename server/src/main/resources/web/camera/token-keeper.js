// Keeps the bearer token valid while a person watches. As the XProtect sample does, the token
// is renewed 60 s before it expires — with the refresh token when the gateway gave one, else
// by logging in again — and every running session is handed the new one (PATCH {token}).
// A pasted token cannot be renewed: the person is warned before it expires instead.

/** Renew this long before expiry, as the sample does. */
export const RENEW_BEFORE_S = 60;

/** A failed renewal is tried again this often while the old token still lives. */
const RETRY_MS = 15_000;
const MAX_RETRIES = 3;

/** When to renew a token that expires in `expiresIn` s: 60 s early, or halfway for short tokens. */
export function renewDelayMs(expiresIn) {
  return Math.max(expiresIn - RENEW_BEFORE_S, expiresIn / 2) * 1000;
}

/** The `exp` claim (seconds since 1970) of a JWT, or null when the token is not a readable JWT. */
export function jwtExpiry(token) {
  const payload = String(token ?? '').split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const exp = JSON.parse(json).exp;
    return Number.isFinite(exp) ? exp : null;
  } catch {
    return null;
  }
}

/**
 * Events (CustomEvent, data in `detail`):
 *   renewed {expiresIn}      client.token holds a new token
 *   error {code, message}    renewal failed, or a pasted token is about to expire
 * Owned by the page's main thread.
 */
export class TokenKeeper extends EventTarget {
  /** @param {import('./xprotect-client.js').XProtectClient} client */
  constructor(client, log = () => {}) {
    super();
    this.client = client;
    this.log = log;
    this._timer = null;
    this._renew = null;
  }

  /**
   * After a login: renews before `grant.expiresIn` runs out. `credentials` ({username,
   * password}) are kept only when there is no refresh token, to log in again.
   */
  loggedIn(grant, credentials) {
    this._renew = grant.refreshToken
      ? () => this.client.refresh(grant.refreshToken)
      : () => this.client.login(credentials.username, credentials.password);
    this._schedule(grant.expiresIn, 0);
  }

  /** A token pasted by the person: used as it is; a warning comes a minute before its exp. */
  pasted(token) {
    this.stop();
    this.client.token = token;
    const exp = jwtExpiry(token);
    if (exp === null) return;
    const warnInMs = Math.max(0, (exp - RENEW_BEFORE_S) * 1000 - Date.now());
    this._timer = setTimeout(() => this._emit('error', {
      code: 'token-expiring',
      message: `The pasted token expires at ${new Date(exp * 1000).toLocaleTimeString()} and cannot be renewed: `
        + 'log in with a username and password, or paste a new token, or the video stops then.',
    }), warnInMs);
  }

  stop() {
    clearTimeout(this._timer);
    this._timer = null;
    this._renew = null;
  }

  _schedule(expiresIn, attempt) {
    clearTimeout(this._timer);
    if (!expiresIn) return; // the gateway did not say: nothing to plan
    const delay = attempt === 0 ? renewDelayMs(expiresIn) : RETRY_MS;
    this.log('token renewal in', Math.round(delay / 1000), 's');
    this._timer = setTimeout(() => this._renewNow(expiresIn, attempt), delay);
  }

  async _renewNow(expiresIn, attempt) {
    const renew = this._renew;
    if (!renew) return;
    try {
      const grant = await renew();
      if (renew !== this._renew) return; // stopped or replaced meanwhile
      if (grant.refreshToken) this._renew = () => this.client.refresh(grant.refreshToken);
      this._emit('renewed', { expiresIn: grant.expiresIn });
      this._schedule(grant.expiresIn, 0);
    } catch (err) {
      if (renew !== this._renew) return;
      const last = attempt + 1 >= MAX_RETRIES;
      this._emit('error', {
        code: err.code ?? 'token-refresh-failed',
        message: `${err.message}. ${last ? 'The video stops when the token expires: log in again.' : 'Trying again shortly.'}`,
      });
      if (!last) this._schedule(expiresIn, attempt + 1);
    }
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
