// Call: one RTCPeerConnection with the W3C "perfect negotiation" pattern, candidate
// buffering and one ICE restart before a connection counts as failed.

import { JunctionError } from './errors.js';

/** How long an outgoing call waits for any reply from the callee before giving up. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 10_000;

/** After an ICE restart, how long the connection gets to recover before the call fails. */
const ICE_RESTART_GRACE_MS = 15_000;

/** Candidates that match no remote description yet are kept, but not forever. */
const MAX_BUFFERED_CANDIDATES = 200;

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
   * @param {string} o.peer          the other person's name
   * @param {boolean} o.polite       perfect-negotiation role
   * @param {'outgoing'|'incoming'} o.direction
   * @param {() => Promise<{iceServers: RTCIceServer[], iceTransportPolicy: string, stream: MediaStream}>} o.prepare
   * @param {{signal(s: object): void, hangup(): void}} o.transport  sends to the peer
   * @param {number} [o.answerTimeoutMs]  outgoing calls fail if the peer says nothing this long
   * @param {(...args: any[]) => void} [o.log]
   */
  constructor({ peer, polite, direction, prepare, transport, answerTimeoutMs = DEFAULT_ANSWER_TIMEOUT_MS, log = () => {} }) {
    super();
    this.peer = peer;
    this.polite = polite;
    this.direction = direction;
    this.state = 'starting';
    this.pc = null;
    this.localStream = null;
    this.remoteStream = null;
    this.endReason = null;
    /** Counters for tests and debugging; they only ever grow. */
    this.stats = {
      offersSent: 0, offersReceived: 0, answersSent: 0, answersReceived: 0,
      collisions: 0, rollbacks: 0, ignoredOffers: 0,
      candidatesSent: 0, candidatesReceived: 0, candidatesBuffered: 0, candidateErrors: 0,
      iceRestarts: 0,
    };

    this._transport = transport;
    this._log = (...a) => log(`[call ${peer}]`, ...a);
    this._heardFromPeer = false;
    this._timers = new Set();

    // Perfect negotiation state, named as in the W3C example (webrtc-pc §10.7).
    this._makingOffer = false;
    this._ignoreOffer = false;
    this._isSettingRemoteAnswerPending = false;
    this._pendingCandidates = [];

    if (direction === 'outgoing') {
      this._answerTimer = this._after(answerTimeoutMs, () => {
        if (!this._heardFromPeer) this._fail(new JunctionError('user-gone', `${peer} did not answer. They may have left or the name is wrong.`), true);
      });
    }
    // Signals that arrive while the camera opens wait on this; media first, so that an
    // incoming offer is answered with our tracks instead of needing a second round.
    this._ready = this._setup(prepare).catch((err) => this._fail(err, this._heardFromPeer));
  }

  /** Ends the call and tells the peer. Safe to call more than once. */
  hangUp() {
    if (this.state === 'ended') return;
    this._transport.hangup();
    this._end('local-hangup', `You ended the call with ${this.peer}.`, false);
  }

  /** Called by the client for each signal from this call's peer. */
  async handleSignal(signal) {
    if (!this._heardFromPeer) {
      this._heardFromPeer = true;
      this._clear(this._answerTimer);
    }
    await this._ready;
    if (this.state === 'ended') return;
    try {
      await this._apply(signal);
    } catch (err) {
      this._log('signal failed', err);
      this._fail(new JunctionError('call-failed', `The call with ${this.peer} failed: ${err.message}`, err), true);
    }
  }

  /** The peer hung up (or the server says it is gone). */
  remoteHangup() {
    this._end('remote-hangup', `${this.peer} ended the call.`, false);
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

    const pc = (this.pc = new RTCPeerConnection({ iceServers, iceTransportPolicy }));
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate) return; // end of gathering: both dialects predate end-of-candidates
      this.stats.candidatesSent++;
      this._transport.signal({ candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] || this.remoteStream || new MediaStream();
      if (!stream.getTracks().includes(track)) stream.addTrack(track);
      if (stream !== this.remoteStream) {
        this.remoteStream = stream;
        this.dispatchEvent(new CustomEvent('remotestream', { detail: { stream } }));
      }
    };
    pc.onnegotiationneeded = () => this._negotiate();
    pc.onconnectionstatechange = () => this._onConnectionState();
    pc.oniceconnectionstatechange = () => this._log('ice', pc.iceConnectionState);
    pc.onsignalingstatechange = () => this._log('signaling', pc.signalingState);

    // addTrack, not addTransceiver: transceivers made by addTrack are reused when a remote
    // offer arrives, and they survive a rollback, so glare never loses our media.
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
    this._setState('connecting');
  }

  async _negotiate() {
    if (this.state === 'ended') return;
    try {
      this._makingOffer = true;
      await this.pc.setLocalDescription(); // creates the right kind of description by itself
      this._sendDescription(this.pc.localDescription);
    } catch (err) {
      this._log('making an offer failed', err);
    } finally {
      this._makingOffer = false;
    }
  }

  async _apply({ description, candidate }) {
    const pc = this.pc;
    if (description) {
      if (description.type === 'offer') this.stats.offersReceived++;
      else if (description.type === 'answer') this.stats.answersReceived++;

      // An offer collides when we are making one ourselves or are not stable, except while
      // an answer is being applied (we will be stable by the time the offer is processed).
      const readyForOffer = !this._makingOffer &&
        (pc.signalingState === 'stable' || this._isSettingRemoteAnswerPending);
      const offerCollision = description.type === 'offer' && !readyForOffer;
      if (offerCollision) this.stats.collisions++;

      // The impolite peer keeps its own offer and ignores the other; the polite peer yields.
      this._ignoreOffer = !this.polite && offerCollision;
      if (this._ignoreOffer) {
        this.stats.ignoredOffers++;
        this._log('glare: ignoring the colliding offer (impolite)');
        return;
      }
      if (offerCollision) {
        // setRemoteDescription(offer) in have-local-offer rolls our offer back implicitly.
        this.stats.rollbacks++;
        this._log('glare: rolling back our offer (polite)');
      }

      this._isSettingRemoteAnswerPending = description.type === 'answer';
      try {
        await pc.setRemoteDescription(description);
      } finally {
        this._isSettingRemoteAnswerPending = false;
      }
      this._flushCandidates();
      if (description.type === 'offer') {
        await pc.setLocalDescription();
        this._sendDescription(pc.localDescription);
        if (offerCollision) {
          // Chromium does not gather again after rolling back an offer whose gathering had just
          // begun: this side would have no candidates and the call would sit in "checking".
          // An ICE restart renegotiates once more and gathers afresh on both sides.
          this._log('glare: restarting ICE after the rollback so candidates are gathered again');
          pc.restartIce();
        }
      }
    } else if (candidate) {
      this.stats.candidatesReceived++;
      if (!this._matchesRemote(candidate)) {
        // Too early: no remote description yet, or it belongs to an offer we have not
        // applied yet (ICE restart). Keep it, in arrival order, for _flushCandidates.
        this.stats.candidatesBuffered++;
        if (this._pendingCandidates.push(candidate) > MAX_BUFFERED_CANDIDATES) this._pendingCandidates.shift();
        return;
      }
      await this._addCandidate(candidate);
    }
  }

  /** Whether a candidate can be applied to the current remote description. */
  _matchesRemote(candidate) {
    const remote = this.pc.remoteDescription;
    if (!remote) return false;
    if (!candidate.usernameFragment) return true;
    return remoteUfrags(remote.sdp).includes(candidate.usernameFragment);
  }

  /**
   * Applies buffered candidates that fit the remote description just set, in arrival
   * order. The calls are started without awaiting in between: the peer connection chains
   * its operations, so the order is kept.
   */
  _flushCandidates() {
    const ready = this._pendingCandidates.filter((c) => this._matchesRemote(c));
    this._pendingCandidates = this._pendingCandidates.filter((c) => !ready.includes(c));
    for (const c of ready) this._addCandidate(c);
  }

  async _addCandidate(candidate) {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (err) {
      // Candidates of an offer we ignored are expected to fail; others are worth a log
      // line but never end a call: one bad candidate is not a failed connection.
      if (!this._ignoreOffer) {
        this.stats.candidateErrors++;
        this._log('candidate rejected', err.message);
      }
    }
  }

  _sendDescription(description) {
    if (description.type === 'offer') this.stats.offersSent++;
    else if (description.type === 'answer') this.stats.answersSent++;
    this._transport.signal({ description: { type: description.type, sdp: description.sdp } });
  }

  _onConnectionState() {
    const state = this.pc.connectionState;
    this._log('connection', state);
    if (state === 'connected') {
      this._clear(this._restartTimer);
      this._setState('connected');
    } else if (state === 'failed') {
      if (this.stats.iceRestarts === 0) {
        // One ICE restart (new candidates through perfect negotiation) before giving up:
        // it rescues changed networks and expired TURN allocations.
        this.stats.iceRestarts++;
        this._log('connection failed: restarting ICE');
        this.pc.restartIce();
        this._restartTimer = this._after(ICE_RESTART_GRACE_MS, () => {
          if (this.pc.connectionState !== 'connected') this._connectionFailed();
        });
      } else {
        this._connectionFailed();
      }
    }
  }

  _connectionFailed() {
    this._fail(new JunctionError('connection-failed',
      `The connection to ${this.peer} failed, even after an ICE restart. A firewall may block it; a TURN server helps.`), true);
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
    for (const t of this._timers) clearTimeout(t);
    this._timers.clear();
    if (this.pc) {
      // Detach handlers first: close() must not trigger our own failure handling.
      this.pc.onicecandidate = this.pc.ontrack = this.pc.onnegotiationneeded = null;
      this.pc.onconnectionstatechange = this.pc.oniceconnectionstatechange = this.pc.onsignalingstatechange = null;
      this.pc.close();
    }
    this.localStream?.getTracks().forEach((t) => t.stop());
    this._setState('ended');
    this._log('ended', reason, message);
    this.dispatchEvent(new CustomEvent('ended', { detail: { reason, message, error } }));
  }

  _setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('statechange', { detail: { state } }));
  }

  _after(ms, fn) {
    const t = setTimeout(() => {
      this._timers.delete(t);
      fn();
    }, ms);
    this._timers.add(t);
    return t;
  }

  _clear(t) {
    if (t === undefined) return;
    clearTimeout(t);
    this._timers.delete(t);
  }
}

/** The ICE usernames (a=ice-ufrag) of a session description. */
function remoteUfrags(sdp) {
  return [...String(sdp).matchAll(/^a=ice-ufrag:(\S+)/gm)].map((m) => m[1]);
}
