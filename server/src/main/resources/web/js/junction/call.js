// Call: a 1:1 call of JunctionClient. It owns the camera and the answer timeout; the peer
// connection and its negotiation are a PeerLink.

import { JunctionError } from './errors.js';
import { negotiationStats, PeerLink } from './peer-link.js';

/** How long an outgoing call waits for any reply from the callee before giving up. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 10_000;

/**
 * A 1:1 call. Created by JunctionClient for outgoing and incoming calls alike; the two only
 * differ in who happens to make the first offer, which perfect negotiation does not care about.
 *
 * Events: localstream {stream}, remotestream {stream}, statechange {state},
 *         ended {reason, message, error}.
 * States: starting (opening the camera) → connecting → connected → ended.
 */
export class Call extends EventTarget {
  /**
   * @param {object} o
   * @param {string} o.peer          the other person's id (what signals are addressed to)
   * @param {string} [o.peerName]    what to call them in messages (default: the id)
   * @param {boolean} o.polite       perfect-negotiation role
   * @param {'outgoing'|'incoming'} o.direction
   * @param {() => Promise<{iceServers: RTCIceServer[], iceTransportPolicy: string, stream: MediaStream}>} o.prepare
   * @param {{signal(s: object): void, hangup(): void}} o.transport  sends to the peer
   * @param {number} [o.answerTimeoutMs]  outgoing calls fail if the peer says nothing this long
   * @param {(...args: any[]) => void} [o.log]
   */
  constructor({ peer, peerName = peer, polite, direction, prepare, transport, answerTimeoutMs = DEFAULT_ANSWER_TIMEOUT_MS,
    log = () => {} }) {
    super();
    this.peer = peer;
    this.peerName = peerName;
    this.direction = direction;
    this.state = 'starting';
    this.localStream = null;
    this.remoteStream = null;
    this.endReason = null;

    this._polite = polite;
    this._link = null;
    this._transport = transport;
    this._log = log;
    this._heardFromPeer = false;
    this._answerTimer = undefined;

    if (direction === 'outgoing') {
      this._answerTimer = setTimeout(() => {
        if (!this._heardFromPeer) this._fail(new JunctionError('user-gone', `${peerName} did not answer. They may have left or the name is wrong.`), true);
      }, answerTimeoutMs);
    }
    // Signals that arrive while the camera opens wait on this; media first, so that an
    // incoming offer is answered with our tracks instead of needing a second round.
    this._ready = this._setup(prepare).catch((err) => this._fail(err, this._heardFromPeer));
  }

  /** Perfect-negotiation role; read at every collision, so a role the server sends late still counts. */
  get polite() {
    return this._polite;
  }

  set polite(polite) {
    this._polite = polite;
    if (this._link) this._link.polite = polite;
  }

  /** The RTCPeerConnection, once the camera is open (null before). */
  get pc() {
    return this._link?.pc ?? null;
  }

  /** The negotiation counters of the peer connection (all zero before it exists). */
  get stats() {
    return this._link?.stats ?? negotiationStats();
  }

  /** Ends the call and tells the peer. Safe to call more than once. */
  hangUp() {
    if (this.state === 'ended') return;
    this._transport.hangup();
    this._end('local-hangup', `You ended the call with ${this.peerName}.`, false);
  }

  /** Called by the client for each signal from this call's peer. */
  async handleSignal(signal) {
    if (!this._heardFromPeer) {
      this._heardFromPeer = true;
      clearTimeout(this._answerTimer);
    }
    await this._ready;
    if (this.state === 'ended') return;
    try {
      await this._link.handleSignal(signal);
    } catch (err) {
      this._log(`[call ${this.peer}] signal failed`, err);
      this._fail(new JunctionError('call-failed', `The call with ${this.peerName} failed: ${err.message}`, err), true);
    }
  }

  /** The peer hung up (or the server says it is gone). */
  remoteHangup() {
    this._end('remote-hangup', `${this.peerName} ended the call.`, false);
  }

  /** Ends the call because of a failure (reported with `code`) and tells the peer. */
  fail(code, message) {
    this._fail(new JunctionError(code, message), true);
  }

  async _setup(prepare) {
    const { iceServers, iceTransportPolicy, stream } = await prepare();
    if (this.state === 'ended') {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    this.localStream = stream;
    this.dispatchEvent(new CustomEvent('localstream', { detail: { stream } }));

    const link = (this._link = new PeerLink({
      peer: this.peer,
      polite: this._polite,
      config: { iceServers, iceTransportPolicy },
      stream,
      send: (signal) => this._transport.signal(signal),
      log: this._log,
    }));
    link.addEventListener('remotestream', (e) => {
      this.remoteStream = e.detail.stream;
      this.dispatchEvent(new CustomEvent('remotestream', { detail: e.detail }));
    });
    link.addEventListener('connectionstate', (e) => {
      if (e.detail.state === 'connected') this._setState('connected');
    });
    link.addEventListener('failed', (e) => this._fail(e.detail.error, true));
    this._setState('connecting');
  }

  _fail(err, notifyPeer) {
    if (this.state === 'ended') return;
    const error = err instanceof JunctionError ? err : new JunctionError('call-failed', String(err?.message || err), err);
    if (notifyPeer) this._transport.hangup();
    this._end(error.code, error.message, true);
  }

  _end(reason, message, error) {
    if (this.state === 'ended') return;
    this.endReason = reason;
    clearTimeout(this._answerTimer);
    this._link?.close();
    this.localStream?.getTracks().forEach((t) => t.stop());
    this._setState('ended');
    this._log(`[call ${this.peer}] ended`, reason, message);
    this.dispatchEvent(new CustomEvent('ended', { detail: { reason, message, error } }));
  }

  _setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('statechange', { detail: { state } }));
  }
}
