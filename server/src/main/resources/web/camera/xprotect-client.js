// A REST client of the XProtect API Gateway's WebRTC signaling, as Junction's camera gateway
// serves it (docs/API.md), plus Junction's camera list. Every method is one HTTP call; the
// order of calls is the caller's business (see camera-session.js). No DOM, no timers.
//
//   const client = new XProtectClient('https://host/api');
//   const grant = await client.login('demo', 'secret');      // sets client.token
//   const { sessionId, offer } = await client.createSession({ deviceId, iceServers });
//
// Every failure is a GatewayError whose message a person can act on: it says what failed,
// what the gateway said (whatever its error body looks like) and the HTTP status.

/** The OAuth2 client of 2025 R1+ clients: its tokens come with a refresh token. */
const CLIENT_ID = 'VmsClient';

/** A failed gateway call: a stable `code`, a message for people, and the HTTP status (0: no answer). */
export class GatewayError extends Error {
  constructor(code, message, status = 0, cause = undefined) {
    super(message, cause ? { cause } : undefined);
    this.name = 'GatewayError';
    this.code = code;
    this.status = status;
  }
}

/**
 * The gateway's own words from an error body, whichever of the shapes it uses: the XProtect
 * REST error `{error: {errorText}, message}`, OAuth2 `{error, error_description}`, Junction's
 * problem+json `{title, detail}`, or `{error, message}`. Empty when the body says nothing.
 */
export function errorDetail(body) {
  if (typeof body === 'string') return body.trim().slice(0, 200);
  if (!body || typeof body !== 'object') return '';
  const nested = body.error && typeof body.error === 'object' ? body.error : null;
  const parts = [
    nested?.errorText,
    body.error_description,
    body.detail ? `${body.title ? `${body.title}: ` : ''}${body.detail}` : body.title,
    body.message,
    typeof body.error === 'string' ? body.error : null,
  ];
  return parts.find((p) => typeof p === 'string' && p.trim())?.trim() ?? '';
}

/** What a status means for these calls, for people; '' when the gateway's own words suffice. */
function statusHint(status) {
  switch (status) {
    case 401: return 'the token is missing, invalid or expired: log in again';
    case 403: return 'this user has no access to it';
    case 429: return 'the gateway is rate limiting: wait a moment and try again';
    default: return '';
  }
}

export class XProtectClient {
  /**
   * @param {string} baseUrl  the API gateway, e.g. https://host/api (no trailing slash needed)
   * @param {object} [o]
   * @param {(...args: any[]) => void} [o.log]
   */
  constructor(baseUrl, { log = () => {} } = {}) {
    this.baseUrl = String(baseUrl).replace(/\/+$/, '');
    this.log = log;
    /** The bearer token every call but the token request carries. */
    this.token = '';
  }

  /** Password grant. Resolves with {accessToken, expiresIn, refreshToken?} and keeps the token. */
  async login(username, password) {
    return this._token('login-failed', 'Login failed', { grant_type: 'password', username, password, client_id: CLIENT_ID });
  }

  /** Refresh-token grant; resolves like login(). */
  async refresh(refreshToken) {
    return this._token('token-refresh-failed', 'Renewing the token failed',
      { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID });
  }

  /** Junction's `GET /cameras`: [{id, name}] of the cameras this user may view. */
  async cameras() {
    const body = await this._call('cameras-failed', 'Could not list the cameras', 'GET', '/cameras');
    if (!Array.isArray(body?.cameras)) {
      throw new GatewayError('cameras-failed', 'Could not list the cameras: the answer has no "cameras" list');
    }
    return body.cameras.filter((c) => c && typeof c.id === 'string');
  }

  /**
   * `POST /REST/v1/WebRTC/Session`. Resolves with {sessionId, offer}, offer being the parsed
   * RTCSessionDescriptionInit (the gateway sends it as a JSON string).
   * @param {{deviceId: string, iceServers: object[]}} o
   */
  async createSession({ deviceId, iceServers }) {
    const what = `Could not create a session for camera ${deviceId}`;
    const body = await this._call('session-failed', what, 'POST', '/REST/v1/WebRTC/Session',
      { deviceId, resolution: 'notInUse', iceServers });
    let offer;
    try {
      offer = JSON.parse(body?.offerSDP);
    } catch {
      offer = null;
    }
    if (typeof body?.sessionId !== 'string' || offer?.type !== 'offer' || typeof offer.sdp !== 'string') {
      throw new GatewayError('session-failed', `${what}: the answer lacks a sessionId or an offerSDP holding a JSON offer`);
    }
    return { sessionId: body.sessionId, offer };
  }

  /** `PATCH /Session/{id} {answerSDP}`: the answer, JSON-encoded as the gateway expects. */
  async sendAnswer(sessionId, description) {
    await this._call('answer-failed', 'The gateway did not accept the answer', 'PATCH',
      `/REST/v1/WebRTC/Session/${encodeURIComponent(sessionId)}`, { answerSDP: JSON.stringify(description) });
  }

  /** `PATCH /Session/{id} {token}`: hands a running session the renewed token. */
  async sendToken(sessionId) {
    await this._call('token-refresh-failed', 'The gateway did not accept the renewed token', 'PATCH',
      `/REST/v1/WebRTC/Session/${encodeURIComponent(sessionId)}`, { token: this.token });
  }

  /** `GET /IceCandidates/{id}`: all of the gateway's candidates so far, as JSON strings. */
  async serverCandidates(sessionId) {
    const body = await this._call('candidates-failed', 'Could not read the gateway\'s ICE candidates', 'GET',
      `/REST/v1/WebRTC/IceCandidates/${encodeURIComponent(sessionId)}`);
    return Array.isArray(body?.candidates) ? body.candidates.filter((c) => typeof c === 'string') : [];
  }

  /** `POST /IceCandidates/{id}`: one local candidate (an RTCIceCandidate or its init). */
  async sendCandidate(sessionId, candidate) {
    await this._call('candidates-failed', 'The gateway did not accept an ICE candidate', 'POST',
      `/REST/v1/WebRTC/IceCandidates/${encodeURIComponent(sessionId)}`, { candidates: [JSON.stringify(candidate)] });
  }

  /**
   * `DELETE /Session/{id}`, best effort: the gateway also frees abandoned sessions itself, so a
   * failure is only logged. `keepalive` lets the request outlive the page when it is closing.
   */
  async deleteSession(sessionId) {
    try {
      await this._call('delete-failed', 'Deleting the session failed', 'DELETE',
        `/REST/v1/WebRTC/Session/${encodeURIComponent(sessionId)}`, undefined, { keepalive: true });
    } catch (err) {
      this.log('session not deleted (the gateway frees it by itself):', err.message);
    }
  }

  // --- plumbing ---------------------------------------------------------------------------

  async _token(code, what, form) {
    const body = await this._send(code, what, `${this.baseUrl}/IDP/connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    if (typeof body?.access_token !== 'string' || !body.access_token) {
      throw new GatewayError(code, `${what}: the answer has no access_token`);
    }
    this.token = body.access_token;
    const expiresIn = Number(body.expires_in);
    return {
      accessToken: body.access_token,
      expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : null,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
    };
  }

  _call(code, what, method, path, json, extra = {}) {
    const headers = { Authorization: `Bearer ${this.token}` };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    return this._send(code, what, this.baseUrl + path, {
      method, headers, body: json === undefined ? undefined : JSON.stringify(json), ...extra,
    });
  }

  /** One request; resolves with the parsed JSON body (null when empty), or throws GatewayError. */
  async _send(code, what, url, init) {
    let response;
    try {
      response = await fetch(url, { cache: 'no-store', ...init });
    } catch (err) {
      // fetch tells nothing more on purpose: a refused connection, DNS and CORS look alike.
      throw new GatewayError(code, `${what}: cannot reach the gateway at ${this.baseUrl} `
        + '(wrong URL, gateway down, or another origin without CORS enabled)', 0, err);
    }
    const text = await response.text().catch(() => '');
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text; // an HTML error page of a proxy, for instance
    }
    if (!response.ok) {
      const detail = errorDetail(body) || response.statusText;
      const hint = statusHint(response.status);
      const message = `${what}: ${detail || 'no details'}${hint ? ` (${hint})` : ''} [HTTP ${response.status}]`;
      this.log(init.method, url, response.status, body);
      throw new GatewayError(code, message, response.status);
    }
    return body;
  }
}
