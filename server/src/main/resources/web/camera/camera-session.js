// One live view of one camera: an RTCPeerConnection signaled through the gateway's REST API
// in the order of the XProtect sample (specs/xprotect-webrtc-api.md §2), minus its race:
//
//   new RTCPeerConnection → POST Session → setRemoteDescription(offer) → createAnswer →
//   setLocalDescription → PATCH answer → POST each local candidate → GET the gateway's
//   candidates every 20 ms while ICE is new or checking.
//
// Unlike the sample, local candidates found before the answer PATCH has been accepted wait
// for it, so the gateway always knows the answer first (xprotect-sample.js reproduces the race).

import { GatewayError } from './xprotect-client.js';

/** The sample's polling period while ICE is checking. */
export const POLL_INTERVAL_MS = 20;

/** Polling gives up after this many failed GETs in a row (as the 2025 R2 sample does). */
const MAX_POLL_FAILURES = 3;

/**
 * ICE still new or checking after this long will not connect: polling stops and the session
 * is reported failed (the gateway drops a session without media after about as long).
 */
export const CONNECT_TIMEOUT_MS = 30_000;

/**
 * Events (CustomEvent, data in `detail`):
 *   track {stream}                         the camera's media arrived
 *   statechange {ice, connection}          a state of the peer connection changed
 *   error {code, message, transport}       something failed; `transport` is true for ICE/DTLS
 *                                          failures after signaling succeeded (worth a retry)
 *
 * A session is single-use: after stop(), make a new one. Owned by the page's main thread.
 */
export class CameraSession extends EventTarget {
  /**
   * @param {object} o
   * @param {import('./xprotect-client.js').XProtectClient} o.client  logged in
   * @param {string} o.deviceId
   * @param {RTCIceServer[]} o.iceServers  for the browser and, the same list, for the gateway
   * @param {RTCIceTransportPolicy} [o.iceTransportPolicy]  'relay': media only through TURN
   * @param {(...args: any[]) => void} [o.log]
   */
  constructor({ client, deviceId, iceServers, iceTransportPolicy = 'all', log = () => {} }) {
    super();
    this.client = client;
    this.deviceId = deviceId;
    this.iceServers = iceServers;
    this.iceTransportPolicy = iceTransportPolicy;
    this.log = log;
    this.pc = null;
    this.sessionId = null;
    this._answered = false;
    this._pendingCandidates = [];
    this._seenServerCandidates = new Set();
    this._pollTimer = null;
    this._pollFailures = 0;
    this._pollDeadline = 0;
    this._stopped = false;
    this._iceConnected = false;
  }

  /**
   * Signals the session. Resolves once the answer has been accepted (media follows when ICE
   * and DTLS complete: watch `statechange`); rejects with a GatewayError or the browser's error.
   */
  async start() {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers, iceTransportPolicy: this.iceTransportPolicy });
    this.pc = pc;
    pc.ontrack = (e) => this._emit('track', { stream: e.streams[0] ?? new MediaStream([e.track]) });
    pc.onicecandidate = (e) => this._onLocalCandidate(e.candidate);
    pc.oniceconnectionstatechange = () => this._onStateChange();
    pc.onconnectionstatechange = () => this._onStateChange();

    const { sessionId, offer } = await this.client.createSession({ deviceId: this.deviceId, iceServers: this.iceServers });
    this.sessionId = sessionId;
    this.log('session', sessionId, 'for camera', this.deviceId);
    if (this._stopped) {
      this.client.deleteSession(sessionId); // stop() ran before there was an id to delete
      throw new GatewayError('stopped', 'Stopped before the session was set up.');
    }

    try {
      await pc.setRemoteDescription(offer);
      await pc.setLocalDescription(await pc.createAnswer());
    } catch (err) {
      throw new GatewayError('bad-offer', `This browser cannot use the gateway's offer: ${err.message}`, 0, err);
    }
    await this.client.sendAnswer(sessionId, pc.localDescription);
    this._answered = true;
    this.log('answer accepted;', this._pendingCandidates.length, 'local candidates were waiting');
    this._pendingCandidates.splice(0).forEach((c) => this._postCandidate(c));
    this._pollDeadline = performance.now() + CONNECT_TIMEOUT_MS;
    this._poll();
  }

  /** Hands the running session a renewed token (the client already holds it). */
  async renewToken() {
    if (!this.sessionId || this._stopped) return;
    await this.client.sendToken(this.sessionId);
    this.log('session', this.sessionId, 'has the renewed token');
  }

  /** Closes the peer connection and deletes the session on the gateway (best effort). */
  stop() {
    if (this._stopped) return;
    this._stopped = true;
    clearTimeout(this._pollTimer);
    this.pc?.close();
    if (this.sessionId) this.client.deleteSession(this.sessionId);
  }

  // --- candidates ---------------------------------------------------------------------------

  _onLocalCandidate(candidate) {
    // null ends gathering; an empty candidate string is the end-of-candidates marker: neither is sent.
    if (!candidate?.candidate || this._stopped) return;
    if (this._answered) this._postCandidate(candidate);
    else this._pendingCandidates.push(candidate);
  }

  _postCandidate(candidate) {
    this.client.sendCandidate(this.sessionId, candidate).catch((err) => {
      if (!this._stopped) this._emit('error', { code: err.code, message: err.message, transport: false });
    });
  }

  /** One GET; the next follows POLL_INTERVAL_MS after it completes, while ICE is new or checking. */
  async _poll() {
    if (this._stopped) return;
    try {
      const candidates = await this.client.serverCandidates(this.sessionId);
      this._pollFailures = 0;
      for (const text of candidates) {
        if (this._seenServerCandidates.has(text)) continue; // the list is cumulative
        this._seenServerCandidates.add(text);
        await this._addServerCandidate(text);
      }
    } catch (err) {
      if (this._stopped) return;
      this._pollFailures++;
      this.log('candidate poll failed', this._pollFailures, err.message);
      if (this._pollFailures >= MAX_POLL_FAILURES) {
        this._emit('error', { code: err.code, message: err.message, transport: false });
        return;
      }
    }
    const state = this.pc.iceConnectionState;
    if (this._stopped || (state !== 'new' && state !== 'checking')) {
      this.log('candidate polling ends; ICE is', state);
    } else if (performance.now() > this._pollDeadline) {
      this._emit('error', { code: 'ice-failed', transport: true,
        message: `ICE did not connect within ${CONNECT_TIMEOUT_MS / 1000} s: no network path to the gateway's media port.` });
    } else {
      this._pollTimer = setTimeout(() => this._poll(), POLL_INTERVAL_MS);
    }
  }

  async _addServerCandidate(text) {
    try {
      await this.pc.addIceCandidate(JSON.parse(text));
      this.log('server candidate', text);
    } catch (err) {
      // One bad candidate must not end the session: the others may still connect.
      this.log('server candidate refused', text, err);
    }
  }

  // --- states -------------------------------------------------------------------------------

  _onStateChange() {
    const ice = this.pc.iceConnectionState;
    const connection = this.pc.connectionState;
    this._emit('statechange', { ice, connection });
    if (this._stopped) return;
    if (ice === 'connected' || ice === 'completed') this._iceConnected = true;
    if (connection !== 'failed') return;
    const message = this._iceConnected
      ? 'The network path to the gateway worked, but the secure connection (DTLS) failed or was lost.'
      : 'ICE failed: no network path to the gateway\'s media port. Check the STUN/TURN servers, '
        + 'and that UDP to the gateway is not blocked.';
    this._emit('error', { code: this._iceConnected ? 'connection-failed' : 'ice-failed', message, transport: true });
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
