// junction.js: the browser side of Junction.
//
// One API over several signaling dialects (wire protocols), a signaling socket that
// reconnects by itself, and 1:1 calls that use the W3C "perfect negotiation" pattern so
// that two people who call each other at the same moment still end up in one call.
//
// Plain ES module, no dependencies, no build step:
//
//   import { JunctionClient } from '/js/junction.js';
//   const client = new JunctionClient({ dialect: 'mdn', name: 'alice' });
//   client.addEventListener('users', (e) => render(e.detail.users));
//   client.addEventListener('call', (e) => show(e.detail.call));   // outgoing and incoming
//   client.addEventListener('error', (e) => alert(e.detail.message));
//   await client.connect();
//   const call = await client.call('bob');
//   call.hangUp();
//
// The pieces, top down:
//   JunctionClient  owns the socket, the dialect adapter, the presence list and the current call
//   Call            one RTCPeerConnection with perfect negotiation and candidate buffering
//   dialects        one adapter object per wire protocol (mdn, tutorial); add one to support more
//
// Nothing here calls getStats(): reading stats is the application's business, and Chromium
// has crashed on getStats() while remote audio was playing unmuted (see TESTING.md).

/** Reconnect delays: start at 0.5 s, double, cap at 10 s, then jitter (see backoffDelay). */
const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 10_000;

/** How long an outgoing call waits for any reply from the callee before giving up. */
const DEFAULT_ANSWER_TIMEOUT_MS = 10_000;

/** After an ICE restart, how long the connection gets to recover before the call fails. */
const ICE_RESTART_GRACE_MS = 15_000;

/** Candidates that match no remote description yet are kept, but not forever. */
const MAX_BUFFERED_CANDIDATES = 200;

/**
 * Close codes after which reconnecting would only repeat the failure: the server judged
 * this client's traffic, not the network. They end the session with a visible error.
 */
const FATAL_CLOSE_CODES = {
  1003: 'The server refused a message this page sent (unsupported data)',
  1008: 'The server closed the connection because of a policy violation (too many messages?)',
  1009: 'The server closed the connection because a message was too large',
};

/** An error with a stable machine-readable code and a message meant for people. */
export class JunctionError extends Error {
  constructor(code, message, cause) {
    super(message, cause ? { cause } : undefined);
    this.name = 'JunctionError';
    this.code = code;
  }
}

/**
 * Maps a getUserMedia failure to something a person can act on. The DOMException names are
 * the ones the Media Capture spec defines; browsers use nothing else for these cases.
 */
export function mediaError(err) {
  switch (err?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return new JunctionError('camera-denied',
        'Camera and microphone access was denied. Allow it in the browser\'s site settings, then call again.', err);
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return new JunctionError('camera-missing', 'No camera or microphone was found on this device.', err);
    case 'NotReadableError':
    case 'TrackStartError':
      return new JunctionError('camera-busy',
        'The camera or microphone is in use by another application.', err);
    default:
      return new JunctionError('media-failed',
        `Could not open the camera or microphone: ${err?.message || err}`, err);
  }
}

/**
 * "Equal jitter" backoff: half of the exponential delay is fixed, half random. Fixed so a
 * dead server is not hammered; random so a restarted server does not get every client back
 * in the same millisecond.
 */
export function backoffDelay(attempt) {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/**
 * The dialects without server-assigned roles need both peers to agree on who is polite
 * without talking about it: compare the two (unique) names. The greater one is polite.
 */
export function politeByName(self, peer) {
  return self > peer;
}

// ---------------------------------------------------------------------------------------
// Dialect adapters
//
// An adapter translates one wire protocol to the common events and back. It is a plain
// object with:
//   id, path, subprotocol        where and how to open the WebSocket
//   features {presence, chat}    what the UI may offer (user list, text chat)
//   onOpen(ctx)                  the socket opened: start registering ctx.name
//   onMessage(msg, ctx)          one parsed JSON object from the server: call ctx.emit(...)
//   signal(to, signal, ctx)      send {description} or {candidate} to a peer
//   hangup(to, ctx)              tell a peer the call is over
//   chat(text, to, ctx)          text chat (only when features.chat)
//   isPolite(self, peer)         the perfect-negotiation role for a call with peer
//
// ctx: { name, session, send(obj), emit(type, detail), peer() }. `session` is scratch state
// that lives as long as one socket (the MDN client id, login attempts); `peer()` is the
// partner of the current call, for protocols whose messages do not say who sent them.
//
// Common events an adapter emits:
//   welcome {name}          registered under `name` (may differ from the name asked for)
//   renamed {from, to}      the server (or the adapter) picked another name
//   users {users}           everyone online, including us (presence dialects only)
//   chat {from, text, date, to}
//   signal {from, description | candidate [, polite]}   `polite` when the server assigns roles
//   role {peer, polite}     the server (re)assigned our perfect-negotiation role for a peer
//   hangup {from}
//   error {code, message [, fatal]}
//
// A server-role dialect (Junction's native protocol) plugs in by emitting `role` (or `polite`
// with the first signal) and answering isPolite() from what the server said. A Call reads its
// `polite` flag at every collision, so a role that arrives after the call started still counts.
// ---------------------------------------------------------------------------------------

/** MDN "webrtc-from-chat": id, username, userlist, message, video-offer/answer, new-ice-candidate, hang-up. */
export const mdnDialect = {
  id: 'mdn',
  path: '/ws/mdn',
  subprotocol: 'json', // the MDN server refuses handshakes that do not offer it
  features: { presence: true, chat: true },

  onOpen() {
    // Nothing to send yet: the server speaks first with {"type":"id"}.
  },

  onMessage(msg, ctx) {
    switch (msg.type) {
      case 'id':
        ctx.session.id = msg.id;
        ctx.session.registering = true;
        ctx.send({ type: 'username', id: msg.id, name: ctx.name, date: Date.now() });
        break;
      case 'rejectusername':
        if (msg.name && msg.name !== ctx.name) ctx.emit('renamed', { from: ctx.name, to: msg.name });
        break;
      case 'userlist': {
        // The protocol has no "you are registered" message: the first user list after our
        // username is the confirmation (a rename, if any, came just before it).
        if (ctx.session.registering) {
          ctx.session.registering = false;
          ctx.emit('welcome', { name: ctx.name });
        }
        const users = (msg.users || []).filter((u) => typeof u === 'string' && u !== '');
        ctx.emit('users', { users });
        break;
      }
      case 'message':
        ctx.emit('chat', { from: msg.name ?? null, text: String(msg.text ?? ''), date: msg.date ?? Date.now(), to: msg.target ?? null });
        break;
      case 'video-offer':
      case 'video-answer':
        // The original client sends `name` with descriptions; fall back to the call partner.
        ctx.emit('signal', { from: msg.name || ctx.peer(), description: msg.sdp });
        break;
      case 'new-ice-candidate':
        // The original MDN client sends candidates without `name`.
        ctx.emit('signal', { from: msg.name || ctx.peer(), candidate: msg.candidate });
        break;
      case 'hang-up':
        ctx.emit('hangup', { from: msg.name || ctx.peer() });
        break;
      case 'error':
        ctx.emit('error', { code: msg.code || 'server-error', message: msg.text || msg.message || 'The server reported an error.' });
        break;
      default:
        // Other types are custom messages between clients; this library sends none.
        break;
    }
  },

  signal(to, { description, candidate }, ctx) {
    if (description) {
      ctx.send({
        type: description.type === 'offer' ? 'video-offer' : 'video-answer',
        name: ctx.name,
        target: to,
        sdp: { type: description.type, sdp: description.sdp },
      });
    } else {
      // `name` is not in the original message but lets the receiver route it without guessing;
      // the server accepts it because it is our own registered name.
      ctx.send({ type: 'new-ice-candidate', name: ctx.name, target: to, candidate });
    }
  },

  hangup(to, ctx) {
    ctx.send({ type: 'hang-up', name: ctx.name, target: to });
  },

  chat(text, to, ctx) {
    const msg = { type: 'message', id: ctx.session.id, text, date: Date.now() };
    if (to) msg.target = to;
    ctx.send(msg); // no `name`: the server stamps the sender
  },

  isPolite: politeByName,
};

/**
 * The tutorial dialect (flaviocopes / tutorialspoint): login, offer, answer, candidate, close|leave.
 * Answers, candidates and hang-ups carry no sender: they come from the current partner.
 */
export const tutorialDialect = {
  id: 'tutorial',
  path: '/ws/tutorial',
  subprotocol: null,
  features: { presence: false, chat: false },

  onOpen(ctx) {
    ctx.session.tryName = ctx.name;
    ctx.session.attempts = 0;
    ctx.send({ type: 'login', username: ctx.name });
  },

  onMessage(msg, ctx) {
    switch (msg.type) {
      case 'login':
        if (msg.success) {
          if (ctx.session.tryName !== ctx.name) ctx.emit('renamed', { from: ctx.name, to: ctx.session.tryName });
          ctx.emit('welcome', { name: ctx.session.tryName });
        } else if (++ctx.session.attempts < 10) {
          // The server rejects a taken name instead of renaming; rename the way MDN does so
          // both dialects behave the same for the person choosing a name.
          ctx.session.tryName = `${ctx.name}${ctx.session.attempts + 1}`;
          ctx.send({ type: 'login', username: ctx.session.tryName });
        } else {
          ctx.emit('error', { code: 'name-taken', message: `The name ${ctx.name} is taken; choose another one.`, fatal: true });
        }
        break;
      case 'offer':
        ctx.emit('signal', { from: msg.username || msg.name || ctx.peer(), description: msg.offer });
        break;
      case 'answer':
        ctx.emit('signal', { from: ctx.peer(), description: msg.answer });
        break;
      case 'candidate':
        ctx.emit('signal', { from: ctx.peer(), candidate: msg.candidate });
        break;
      case 'close':
      case 'leave':
        ctx.emit('hangup', { from: ctx.peer() });
        break;
      case 'error':
        ctx.emit('error', { code: 'server-error', message: msg.message || msg.text || 'The server reported an error.' });
        break;
      default:
        break;
    }
  },

  signal(to, { description, candidate }, ctx) {
    if (description) {
      const type = description.type === 'offer' ? 'offer' : 'answer';
      ctx.send({ type, otherUsername: to, [type]: { type: description.type, sdp: description.sdp } });
    } else {
      ctx.send({ type: 'candidate', otherUsername: to, candidate });
    }
  },

  hangup(to, ctx) {
    ctx.send({ type: 'close', otherUsername: to });
  },

  chat() {
    throw new JunctionError('unsupported', 'This server dialect has no text chat.');
  },

  isPolite: politeByName,
};

/** Dialects by id; `new JunctionClient({dialect})` accepts an id or an adapter object. */
export const dialects = { mdn: mdnDialect, tutorial: tutorialDialect };

// ---------------------------------------------------------------------------------------
// Call: one RTCPeerConnection with perfect negotiation
// ---------------------------------------------------------------------------------------

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
   * @param {() => Promise<{iceServers: RTCIceServer[], stream: MediaStream}>} o.prepare
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
    const { iceServers, stream } = await prepare();
    if (this.state === 'ended') {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    this.localStream = stream;
    this.dispatchEvent(new CustomEvent('localstream', { detail: { stream } }));

    const pc = (this.pc = new RTCPeerConnection({ iceServers }));
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

// ---------------------------------------------------------------------------------------
// JunctionClient: the signaling session
// ---------------------------------------------------------------------------------------

/**
 * A person's session with a Junction server: one signaling socket, reconnected with backoff
 * while the session lives, and at most one call.
 *
 * Events (CustomEvent, data in `detail`):
 *   state {state, attempt?, delayMs?}  idle → connecting → open ⇄ reconnecting → closed
 *   welcome {name}                     registered (again after each reconnect)
 *   renamed {from, to}                 the name was taken; we got another
 *   users {users}                      everyone online (presence dialects)
 *   chat {from, text, date, to}
 *   call {call}                        a call started, outgoing or incoming (auto-accepted)
 *   error {code, message, fatal}       every failure, with a message for people
 *
 * Error codes: camera-denied, camera-missing, camera-busy, media-failed, insecure-context, user-gone, busy,
 * bad-target, connection-failed, call-failed, signaling-lost, signaling-closed, name-taken,
 * not-connected, unsupported, and whatever `code` the server sends.
 */
export class JunctionClient extends EventTarget {
  /**
   * @param {object} o
   * @param {string|object} [o.dialect='mdn']  a key of `dialects` or an adapter object
   * @param {string} o.name                     the name to register
   * @param {string} [o.server=location.origin] http(s) origin of the Junction server
   * @param {MediaStreamConstraints} [o.media]  what a call captures
   * @param {number} [o.answerTimeoutMs]
   * @param {(...args: any[]) => void} [o.log]
   */
  constructor({ dialect = 'mdn', name, server = globalThis.location?.origin, media = { audio: true, video: true },
    answerTimeoutMs = DEFAULT_ANSWER_TIMEOUT_MS, log = (...a) => console.debug('[junction]', ...a) } = {}) {
    super();
    const adapter = typeof dialect === 'string' ? dialects[dialect] : dialect;
    if (!adapter) throw new JunctionError('unsupported', `Unknown dialect "${dialect}"; known: ${Object.keys(dialects).join(', ')}.`);
    if (!name || !String(name).trim()) throw new JunctionError('bad-name', 'Choose a name first.');
    this.dialect = adapter;
    this.name = String(name).trim();
    this.server = server;
    this.media = media;
    this.answerTimeoutMs = answerTimeoutMs;
    this.log = log;
    this.state = 'idle';
    /** Everyone online (presence dialects), or null when the dialect has no presence. */
    this.users = adapter.features.presence ? [] : null;
    /** The current call, or null. (`call()` starts one.) */
    this.activeCall = null;
    /** The most recent call, kept after it ended (tests look at its closed peer connection). */
    this.lastCall = null;

    this._ws = null;
    this._attempt = 0;
    this._retryTimer = null;
    this._closing = false;
    this._wasOpen = false;
    this._recentlyEnded = null; // {peer, at}: to tell "hung up" from "left" when the list changes
  }

  /** Dialect capabilities, for the UI: {presence, chat}. */
  get features() {
    return this.dialect.features;
  }

  /**
   * Opens the signaling socket and resolves once registered (the name may have changed; see
   * `name`). Keeps retrying while the server is unreachable; rejects only on a fatal error.
   * A client is single-use: after close(), make a new one.
   */
  connect() {
    if (this._connecting) return this._connecting;
    this._connecting = new Promise((resolve, reject) => {
      this._resolveConnect = resolve;
      this._rejectConnect = reject;
    });
    this._closing = false;
    this._open();
    return this._connecting;
  }

  /** Ends the session for good: hangs up, closes the socket, never reconnects. */
  close() {
    this._closing = true;
    clearTimeout(this._retryTimer);
    this.activeCall?.hangUp();
    const ws = this._ws;
    this._ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'bye');
    this._setState('closed');
  }

  /** Sends a chat message to everyone, or only to `to`. */
  sendChat(text, to) {
    if (!this.dialect.features.chat) throw new JunctionError('unsupported', 'This server dialect has no text chat.');
    const trimmed = String(text ?? '').trim();
    if (!trimmed) return;
    this._requireOpen();
    this.dialect.chat(trimmed, to || null, this._ctx);
  }

  /**
   * Calls `peer`. Resolves with the Call right away (it connects in the background; listen
   * to its events). Failures are both thrown and reported as `error` events.
   */
  async call(peer) {
    peer = String(peer ?? '').trim();
    try {
      if (!peer) throw new JunctionError('bad-target', 'Type the name of the person to call.');
      if (peer === this.name) throw new JunctionError('bad-target', 'You cannot call yourself.');
      const active = this.activeCall;
      if (active) {
        if (active.peer === peer) return active; // already calling each other
        throw new JunctionError('busy', `You are already in a call with ${active.peer}. Hang up first.`);
      }
      this._requireOpen();
      if (this.users && !this.users.includes(peer)) throw new JunctionError('user-gone', `${peer} is not online any more.`);
    } catch (err) {
      this._emitError(err.code, err.message);
      throw err;
    }
    return this._startCall(peer, 'outgoing', this.dialect.isPolite(this.name, peer));
  }

  /** Hangs up the current call, if any. */
  hangUp() {
    this.activeCall?.hangUp();
  }

  /** `GET /api/ice-servers`; an empty list (host candidates only) if the server has none or fails. */
  async fetchIceServers() {
    try {
      const res = await fetch(new URL('/api/ice-servers', this.server), { cache: 'no-store' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = await res.json();
      return Array.isArray(body.iceServers) ? body.iceServers : [];
    } catch (err) {
      this.log('no ICE servers from the server; using host candidates only:', err.message);
      return [];
    }
  }

  // --- socket lifecycle ---------------------------------------------------------------

  _open() {
    const url = new URL(this.dialect.path, this.server);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.state !== 'reconnecting') this._setState('connecting');
    const ws = this.dialect.subprotocol ? new WebSocket(url, this.dialect.subprotocol) : new WebSocket(url);
    this._ws = ws;
    const client = this;
    const ctx = {
      get name() { return client.name; },
      session: {}, // lives as long as this socket
      send: (obj) => {
        if (ws !== this._ws || ws.readyState !== WebSocket.OPEN) return false;
        this.log('→', obj.type, obj);
        ws.send(JSON.stringify(obj));
        return true;
      },
      emit: (type, detail) => {
        if (ws === this._ws) this._onDialectEvent(type, detail);
      },
      peer: () => this.activeCall?.peer ?? null,
    };
    this._ctx = ctx;

    ws.onopen = () => this.dialect.onOpen(ctx);
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let msg;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        this.log('ignoring a frame that is not JSON', ev.data);
        return;
      }
      if (!msg || typeof msg !== 'object') return;
      this.log('←', msg.type, msg);
      this.dialect.onMessage(msg, ctx);
    };
    ws.onclose = (ev) => this._onClose(ws, ev);
  }

  _onClose(ws, ev) {
    if (ws !== this._ws) return; // an old socket, or close() already took over
    this._ws = null;
    this.log('socket closed', ev.code, ev.reason);
    if (this._closing) return;

    const fatal = FATAL_CLOSE_CODES[ev.code];
    if (fatal) {
      this._setState('closed');
      this._emitError('signaling-closed', `${fatal} (close code ${ev.code}). Reload the page to reconnect.`, true);
      this._rejectConnect?.(new JunctionError('signaling-closed', fatal));
      return;
    }
    const delayMs = backoffDelay(this._attempt++);
    // One error per outage, not one per retry; the state events carry the countdown.
    if (this._wasOpen && this._attempt === 1) {
      this._emitError('signaling-lost', `Lost the connection to the server. Reconnecting…`);
    } else if (!this._wasOpen && this._attempt === 1) {
      this._emitError('signaling-lost', `Cannot reach the server. Retrying…`);
    }
    this._setState('reconnecting', { attempt: this._attempt, delayMs, code: ev.code });
    this._retryTimer = setTimeout(() => this._open(), delayMs);
  }

  _onDialectEvent(type, detail) {
    switch (type) {
      case 'welcome':
        this.name = detail.name;
        this._attempt = 0;
        this._wasOpen = true;
        this._setState('open');
        this._fire('welcome', detail);
        this._resolveConnect?.(this);
        break;
      case 'renamed':
        this.name = detail.to;
        this._fire('renamed', detail);
        break;
      case 'users':
        this.users = detail.users;
        this._checkPresence();
        this._fire('users', detail);
        break;
      case 'chat':
        this._fire('chat', detail);
        break;
      case 'signal':
        this._onSignal(detail);
        break;
      case 'role':
        if (this.activeCall && detail.peer === this.activeCall.peer) this.activeCall.polite = !!detail.polite;
        break;
      case 'hangup':
        if (this.activeCall && detail.from === this.activeCall.peer) this.activeCall.remoteHangup();
        break;
      case 'error':
        this._emitError(detail.code, detail.message, !!detail.fatal);
        if (detail.fatal) {
          this._rejectConnect?.(new JunctionError(detail.code, detail.message));
          this.close();
        }
        break;
      default:
        this.log('unknown dialect event', type, detail);
    }
  }

  _onSignal({ from, description, candidate, polite }) {
    if (!from) return; // a candidate or answer for a call that is already over
    const call = this.activeCall;
    if (call && call.peer !== from) {
      if (description?.type === 'offer') {
        // One call at a time: turn the second caller away so they do not wait for nothing.
        this.dialect.hangup(from, this._ctx);
        this._emitError('busy', `${from} tried to call you while you were in a call.`);
      }
      return;
    }
    if (!call) {
      if (description?.type !== 'offer') return; // leftovers of an ended call
      const role = polite ?? this.dialect.isPolite(this.name, from);
      this._startCall(from, 'incoming', role).handleSignal({ description });
      return;
    }
    call.handleSignal({ description, candidate });
  }

  _startCall(peer, direction, polite) {
    const call = new Call({
      peer,
      polite,
      direction,
      answerTimeoutMs: this.answerTimeoutMs,
      log: this.log,
      prepare: () => this._prepareMedia(),
      transport: {
        signal: (s) => this.dialect.signal(peer, s, this._ctx),
        hangup: () => this.dialect.hangup(peer, this._ctx),
      },
    });
    this.activeCall = this.lastCall = call;
    call.addEventListener('ended', (e) => {
      if (this.activeCall === call) this.activeCall = null;
      if (e.detail.reason === 'remote-hangup') this._recentlyEnded = { peer, at: Date.now() };
      if (e.detail.error) this._emitError(e.detail.reason, e.detail.message, false, call);
    });
    this._fire('call', { call });
    return call;
  }

  async _prepareMedia() {
    if (!navigator.mediaDevices?.getUserMedia) {
      // Browsers hide mediaDevices on insecure pages: the most common first-day failure.
      throw new JunctionError('insecure-context',
        'This browser only allows the camera on https:// pages or on localhost. Open the page over HTTPS.');
    }
    const [iceServers, stream] = await Promise.all([
      this.fetchIceServers(),
      navigator.mediaDevices.getUserMedia(this.media).catch((err) => { throw mediaError(err); }),
    ]);
    return { iceServers, stream };
  }

  /** A call partner missing from the user list has left (or never was there). */
  _checkPresence() {
    const call = this.activeCall;
    if (call && !this.users.includes(call.peer)) {
      call.fail('user-gone', `${call.peer} left.`);
    }
    const ended = this._recentlyEnded;
    if (ended && Date.now() - ended.at < 5_000 && !this.users.includes(ended.peer)) {
      // The server sends hang-up for a partner whose socket dropped; the list says why.
      this._recentlyEnded = null;
      this._emitError('user-gone', `${ended.peer} left.`);
    }
  }

  _requireOpen() {
    if (this.state !== 'open') throw new JunctionError('not-connected', 'Not connected to the server right now; wait for the reconnect.');
  }

  _setState(state, extra = {}) {
    const changed = this.state !== state;
    this.state = state;
    if (changed || state === 'reconnecting') this._fire('state', { state, ...extra });
  }

  _emitError(code, message, fatal = false, call = null) {
    this.log('error', code, message);
    this._fire('error', { code, message, fatal, call });
  }

  _fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
