// PeerLink: one RTCPeerConnection to one remote peer with the W3C "perfect negotiation"
// pattern, candidate buffering and one ICE restart before the connection counts as failed.
// On glare before anything was negotiated, the polite side starts over with a fresh
// RTCPeerConnection instead of rolling its first offer back (see _startOver: Chromium).
// It knows no signaling protocol (signals leave through `send` and arrive through
// handleSignal) and owns no media: closing it never stops the local tracks it sends.

import { JunctionError } from './errors.js';

/** After an ICE restart, how long the connection gets to recover before it counts as failed. */
const ICE_RESTART_GRACE_MS = 15_000;

/** Candidates that match no remote description yet are kept, but not forever. */
const MAX_BUFFERED_CANDIDATES = 200;

/** The negotiation counters of a PeerLink, all zero. */
export function negotiationStats() {
  return {
    offersSent: 0, offersReceived: 0, answersSent: 0, answersReceived: 0,
    collisions: 0, rollbacks: 0, freshStarts: 0, ignoredOffers: 0,
    candidatesSent: 0, candidatesReceived: 0, candidatesBuffered: 0, candidateErrors: 0,
    iceRestarts: 0,
  };
}

/**
 * Events: remotestream {stream}, connectionstate {state} (the RTCPeerConnection's),
 *         failed {error} (a JunctionError: connection-failed; the link is left to its owner),
 *         peerconnection {pc}: the link started over with a new RTCPeerConnection (`pc`) and
 *         new data channels (`channels`) before anything was negotiated: take them again.
 *
 * `stats.rollbacks` counts our offers withdrawn on glare (polite), whether rolled back or, the
 * first time, dropped with the peer connection that made it (`freshStarts` of them).
 */
export class PeerLink extends EventTarget {
  /**
   * @param {object} o
   * @param {string} o.peer                   who is at the other end (for logs and errors)
   * @param {boolean} o.polite                perfect-negotiation role; may change later (`polite`)
   * @param {RTCConfiguration} o.config       iceServers, iceTransportPolicy
   * @param {MediaStream} [o.stream]          tracks to send (added with addTrack)
   * @param {string[]} [o.receiveOnly]        kinds to receive without sending ('audio', 'video'):
   *                                          a person without a camera still sees the others
   * @param {{label: string, id: number, options?: RTCDataChannelInit}[]} [o.dataChannels]
   *                                          negotiated data channels: both ends create the same
   *                                          ids, so neither has to wait for the other's channel
   * @param {(signal: {description?: object, candidate?: object}) => void} o.send
   * @param {(...args: any[]) => void} [o.log]
   */
  constructor({ peer, polite, config, stream = null, receiveOnly = [], dataChannels = [], send, log = () => {} }) {
    super();
    this.peer = peer;
    this.polite = polite;
    this.remoteStream = null;
    /** The negotiated data channels by label. */
    this.channels = new Map();
    /** Counters for tests and debugging; they only ever grow. */
    this.stats = negotiationStats();
    this._send = send;
    this._log = (...a) => log(`[peer ${peer}]`, ...a);
    this._closed = false;
    this._restartedAfterFailure = false;
    this._restartTimer = undefined;

    // Perfect negotiation state, named as in the W3C example (webrtc-pc §10.7).
    this._makingOffer = false;
    this._ignoreOffer = false;
    this._isSettingRemoteAnswerPending = false;
    this._pendingCandidates = [];

    this._setup = { config, stream, receiveOnly, dataChannels };
    this.pc = this._open();
  }

  /** A new RTCPeerConnection with our tracks, receive-only kinds and negotiated data channels. */
  _open() {
    const { config, stream, receiveOnly, dataChannels } = this._setup;
    const pc = new RTCPeerConnection(config);
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate) return; // end of gathering: the dialects predate end-of-candidates
      this.stats.candidatesSent++;
      this._send({ candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ track, streams }) => {
      const remote = streams[0] || this.remoteStream || new MediaStream();
      if (!remote.getTracks().includes(track)) remote.addTrack(track);
      if (remote !== this.remoteStream) {
        this.remoteStream = remote;
        this._fire('remotestream', { stream: remote });
      }
    };
    pc.onnegotiationneeded = () => this._negotiate(pc);
    pc.onconnectionstatechange = () => this._onConnectionState();
    pc.oniceconnectionstatechange = () => this._log('ice', pc.iceConnectionState);
    pc.onsignalingstatechange = () => this._log('signaling', pc.signalingState);

    // addTrack, not addTransceiver: transceivers made by addTrack are reused when a remote
    // offer arrives, and they survive a rollback, so glare never loses our media.
    for (const track of stream?.getTracks() ?? []) pc.addTrack(track, stream);
    for (const kind of receiveOnly) pc.addTransceiver(kind, { direction: 'recvonly' });
    this.channels.clear();
    for (const { label, id, options = {} } of dataChannels) {
      this.channels.set(label, pc.createDataChannel(label, { ...options, negotiated: true, id }));
    }
    return pc;
  }

  /** Applies a signal from the peer: {description} or {candidate}. Rejects when the peer connection refuses it. */
  async handleSignal({ description, candidate }) {
    if (this._closed) return;
    let pc = this.pc;
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
        this.stats.rollbacks++;
        if (!pc.currentRemoteDescription) {
          pc = this._startOver();
        } else {
          // setRemoteDescription(offer) in have-local-offer rolls our offer back implicitly.
          this._log('glare: rolling back our offer (polite)');
        }
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

  /**
   * Glare on the first offers: drop the peer connection that made ours and answer theirs with a
   * fresh one, which has nothing to roll back. Rolling back a first offer races Chromium's ICE
   * gathering, which the offer has just started: about one time in twenty (more on a busy
   * machine) that peer connection then never gathers a candidate again, not even after any
   * number of ICE restarts, and the call sits in "connecting" for good. Before anything was
   * negotiated nothing is lost: no media flowed, and candidates of the dropped offer reach a
   * peer that ignored that offer, so they match nothing there.
   */
  _startOver() {
    this.stats.freshStarts++;
    this._log('glare: dropping our first offer with its peer connection and answering with a fresh one (polite)');
    this._detach(this.pc);
    this.pc.close();
    this._makingOffer = false;
    this.pc = this._open();
    this._fire('peerconnection', { pc: this.pc });
    return this.pc;
  }

  /** Starts an ICE restart (a new offer through perfect negotiation). */
  restartIce() {
    if (this._closed) return;
    this.stats.iceRestarts++;
    this.pc.restartIce();
  }

  /** Closes the peer connection without events. The local tracks keep running. */
  close() {
    if (this._closed) return;
    this._closed = true;
    clearTimeout(this._restartTimer);
    this._detach(this.pc);
    this.pc.close();
  }

  /** Detaches our handlers first: closing must not trigger our own failure handling. */
  _detach(pc) {
    pc.onicecandidate = pc.ontrack = pc.onnegotiationneeded = null;
    pc.onconnectionstatechange = pc.oniceconnectionstatechange = pc.onsignalingstatechange = null;
  }

  get closed() {
    return this._closed;
  }

  async _negotiate(pc) {
    if (this._closed) return;
    try {
      this._makingOffer = true;
      await pc.setLocalDescription(); // creates the right kind of description by itself
      if (pc === this.pc) this._sendDescription(pc.localDescription); // else dropped by _startOver
    } catch (err) {
      if (pc === this.pc) this._log('making an offer failed', err);
    } finally {
      if (pc === this.pc) this._makingOffer = false;
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
    this._send({ description: { type: description.type, sdp: description.sdp } });
  }

  _onConnectionState() {
    const state = this.pc.connectionState;
    this._log('connection', state);
    if (state === 'connected') {
      clearTimeout(this._restartTimer);
    } else if (state === 'failed') {
      if (!this._restartedAfterFailure) {
        // One ICE restart (new candidates through perfect negotiation) before giving up:
        // it rescues changed networks and expired TURN allocations.
        this._restartedAfterFailure = true;
        this._log('connection failed: restarting ICE');
        this.restartIce();
        this._restartTimer = setTimeout(() => {
          if (!this._closed && this.pc.connectionState !== 'connected') this._failed();
        }, ICE_RESTART_GRACE_MS);
      } else {
        this._failed();
      }
    }
    this._fire('connectionstate', { state });
  }

  _failed() {
    this._fire('failed', {
      error: new JunctionError('connection-failed',
        `The connection to ${this.peer} failed, even after an ICE restart. A firewall may block it; a TURN server helps.`),
    });
  }

  _fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** The ICE usernames (a=ice-ufrag) of a session description. */
function remoteUfrags(sdp) {
  return [...String(sdp).matchAll(/^a=ice-ufrag:(\S+)/gm)].map((m) => m[1]);
}
