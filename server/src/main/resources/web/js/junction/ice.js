// ICE servers (STUN, and TURN with short-lived credentials) from GET /api/ice-servers.

/**
 * Reused this long: a mesh makes several peer connections in a row, and the server limits
 * requests per address. Well under the credentials' lifetime (an hour by default).
 */
const MAX_AGE_MS = 10 * 60_000;

/** `GET /api/ice-servers`; an empty list (host candidates only) if the server has none or fails. */
export async function fetchIceServers(server, log = () => {}) {
  try {
    const res = await fetch(new URL('/api/ice-servers', server), { cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    return Array.isArray(body.iceServers) ? body.iceServers : [];
  } catch (err) {
    log('no ICE servers from the server; using host candidates only:', err.message);
    return [];
  }
}

/** The ICE servers of one server, fetched once and reused for MAX_AGE_MS. */
export class IceServerCache {
  constructor(server, log) {
    this._server = server;
    this._log = log;
    this._pending = null;
    this._fetchedAt = 0;
  }

  /** @returns {Promise<RTCIceServer[]>} */
  get() {
    if (!this._pending || Date.now() - this._fetchedAt > MAX_AGE_MS) {
      this._fetchedAt = Date.now();
      this._pending = fetchIceServers(this._server, this._log);
    }
    return this._pending;
  }
}
