// junction.js: the browser side of Junction.
//
// Junction's own signaling protocol (native protocol v1, docs/API.md) is the default: rooms,
// a mesh of peer connections with roles handed out by the server, access tokens, and a
// session that survives a dropped connection without losing or repeating a message.
//
//   import { NativeSession, Room } from '/js/junction.js';
//   const session = new NativeSession({ name: 'Alice', token });   // token: a JWT, a function, or none (dev)
//   const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
//   const room = new Room(session, 'team', { stream });
//   room.addEventListener('remotestream', (e) => show(e.detail.member.name, e.detail.stream));
//   room.addEventListener('peerleft', (e) => remove(e.detail.member.identity));
//   await room.join();                                             // connects the session first
//   room.send({ text: 'hi' });                                     // data to everyone, via the server
//   room.leave(); session.close();
//
// 1:1 calls by name, with a list of everyone online and text chat, are JunctionClient's: on the
// native protocol by default (everyone online meets in the server's lobby room; nobody is called
// until the person picks someone), or on the older wire protocols other servers speak (MDN's
// chat, the tutorial login/offer/answer) with dialect 'mdn' or 'tutorial':
//
//   const client = new JunctionClient({ name: 'Alice', identity: 'alice-3f9a1c' });   // dialect 'native'
//   client.addEventListener('users', (e) => list(e.detail.users.map((id) => client.nameOf(id))));
//   client.addEventListener('call', (e) => show(e.detail.call));   // outgoing and incoming
//   await client.connect();
//   const call = await client.call('bob-77aa01');                  // people are called by id
//   client.sendChat('hi');
//
// Plain ES modules, no dependencies, no build step. The pieces, top down:
//   junction/native/session.js   NativeSession: hello or resume, numbered frames and acks, reconnects
//   junction/native/sequence.js  the numbering both ways (pure)
//   junction/native/tokens.js    where a page gets its access token (link, dev server)
//   junction/native/error-text.js  the server's error codes in words for people
//   junction/room.js             Room: members, roles and one PeerLink per other member
//   junction/peer-link.js        PeerLink: one RTCPeerConnection with perfect negotiation
//   junction.js                  JunctionClient: 1:1 calls by name, presence and chat, any dialect
//   junction/call.js             Call: JunctionClient's call (camera + PeerLink)
//   junction/dialects.js         the dialects: native, and one adapter per older wire protocol (mdn, tutorial)
//   junction/native/lobby.js     Lobby: JunctionClient on the native protocol (a NativeSession in the lobby room)
//   junction/dialect-socket.js   DialectSocket: the WebSocket of an older wire protocol, reconnected with backoff
//   junction/ice.js              ICE servers from /api/ice-servers
//   junction/backoff.js          reconnect delays
//   junction/media.js            opening the camera
//   junction/errors.js           JunctionError and the getUserMedia error mapping
//
// Nothing here calls getStats(): reading stats is the application's business, and Chromium
// has crashed on getStats() while remote audio was playing unmuted (see TESTING.md).

import { backoffDelay } from './junction/backoff.js';
import { Call, DEFAULT_ANSWER_TIMEOUT_MS } from './junction/call.js';
import { DialectSocket } from './junction/dialect-socket.js';
import { dialects, mdnDialect, nativeDialect, politeByName, tutorialDialect } from './junction/dialects.js';
import { JunctionError, mediaError } from './junction/errors.js';
import { fetchIceServers, IceServerCache } from './junction/ice.js';
import { openCamera } from './junction/media.js';
import { Lobby } from './junction/native/lobby.js';
import { InboundSequence, OutboundLog } from './junction/native/sequence.js';
import { NativeSession } from './junction/native/session.js';
import { devTokenSource, tokenFromAddressBar } from './junction/native/tokens.js';
import { PeerLink } from './junction/peer-link.js';
import { Member, Room } from './junction/room.js';

export {
  backoffDelay, Call, devTokenSource, dialects, IceServerCache, InboundSequence, JunctionError, Lobby, mdnDialect, Member,
  mediaError, nativeDialect, NativeSession, openCamera, OutboundLog, PeerLink, politeByName, Room, tokenFromAddressBar,
  tutorialDialect,
};

/**
 * A person's session with a signaling server for 1:1 calls: online under a name, the list of
 * everyone online and text chat (when the dialect has them), and at most one call. The channel
 * (a Lobby on the native protocol, a DialectSocket for the older ones) reconnects by itself while
 * the client lives.
 *
 * People are known by an id: the native protocol's identity (`alice-3f9a1c`), or the name itself
 * in the older dialects. `nameOf(id)` is what to show.
 *
 * Events (CustomEvent, data in `detail`):
 *   state {state, attempt?, delayMs?}  idle → connecting → open ⇄ reconnecting → closed
 *   welcome {name, id}                 registered (again after each reconnect)
 *   renamed {from, to}                 the name was taken; we got another (older dialects)
 *   users {users}                      the ids of everyone online (presence dialects)
 *   chat {from, text, date, to}        from and to are ids
 *   call {call}                        a call started, outgoing or incoming (auto-accepted)
 *   server-message {data}              a message from the operator (native admin API)
 *   error {code, message, fatal}       every failure, with a message for people
 *
 * Error codes: camera-denied, camera-missing, camera-busy, media-failed, insecure-context, user-gone, busy,
 * bad-target, connection-failed, call-failed, signaling-lost, signaling-closed, name-taken,
 * not-connected, unsupported, not-delivered, and the native protocol's codes (room-full,
 * token-invalid, …; see native/error-text.js) or whatever `code` an older server sends.
 */
export class JunctionClient extends EventTarget {
  /**
   * @param {object} o
   * @param {string|object} [o.dialect='native']  a key of `dialects` or a dialect object
   * @param {string} o.name                     the name to register (what people see)
   * @param {string} [o.identity]               native: the identity asked for when there is no token
   *                                            (default: the server's guest identity)
   * @param {string|(() => Promise<string|null>)|null} [o.token]  native: the access token (see NativeSession)
   * @param {string} [o.server=location.origin] http(s) origin of the Junction server
   * @param {MediaStreamConstraints} [o.media]  what a call captures
   * @param {number} [o.answerTimeoutMs]
   * @param {(...args: any[]) => void} [o.log]
   */
  constructor({ dialect = 'native', name, identity, token = null, server = globalThis.location?.origin,
    media = { audio: true, video: true }, iceTransportPolicy = 'all', answerTimeoutMs = DEFAULT_ANSWER_TIMEOUT_MS,
    log = (...a) => console.debug('[junction]', ...a) } = {}) {
    super();
    const kind = typeof dialect === 'string' ? dialects[dialect] : dialect;
    if (!kind) throw new JunctionError('unsupported', `Unknown dialect "${dialect}"; known: ${Object.keys(dialects).join(', ')}.`);
    if (!name || !String(name).trim()) throw new JunctionError('bad-name', 'Choose a name first.');
    this.dialect = kind;
    this.name = String(name).trim();
    /** What others call this page by (the name in the older dialects); set on welcome. */
    this.id = this.name;
    this.server = server;
    this.media = media;
    /** 'all', or 'relay' to send media only through TURN (hides the addresses of both sides). */
    this.iceTransportPolicy = iceTransportPolicy;
    this.answerTimeoutMs = answerTimeoutMs;
    this.log = log;
    this.state = 'idle';
    /** The ids of everyone online (presence dialects), or null when the dialect has no presence. */
    this.users = kind.features.presence ? [] : null;
    /** The current call, or null. (`call()` starts one.) */
    this.activeCall = null;
    /** The most recent call, kept after it ended (tests look at its closed peer connection). */
    this.lastCall = null;

    this._recentlyEnded = null; // {peer, at}: to tell "hung up" from "left" when the list changes
    const options = { server, name: this.name, identity, token, log, currentPeer: () => this.activeCall?.peer ?? null };
    const emit = (type, detail) => this._onChannelEvent(type, detail);
    // The native dialect brings its own session; a wire adapter gets a WebSocket from us.
    this._channel = kind.open ? kind.open(options, emit) : new DialectSocket(kind, options, emit);
  }

  /** Dialect capabilities, for the UI: {presence, chat}. */
  get features() {
    return this.dialect.features;
  }

  /** What to show for the person `id`. */
  nameOf(id) {
    return this._channel.nameOf(id);
  }

  /**
   * Connects and resolves once registered (the name may have changed; see `name`). Keeps
   * retrying while the server is unreachable; rejects only on a fatal error.
   * A client is single-use: after close(), make a new one.
   */
  connect() {
    if (this._connecting) return this._connecting;
    this._connecting = new Promise((resolve, reject) => {
      this._resolveConnect = resolve;
      this._rejectConnect = reject;
    });
    this._channel.connect();
    return this._connecting;
  }

  /** Ends the session for good: hangs up, closes the connection, never reconnects. */
  close() {
    this.activeCall?.hangUp();
    this._channel.close();
    this._setState('closed');
  }

  /** Sends a chat message to everyone, or only to `to` (an id). */
  sendChat(text, to) {
    if (!this.features.chat) throw new JunctionError('unsupported', 'This server dialect has no text chat.');
    const trimmed = String(text ?? '').trim();
    if (!trimmed) return;
    this._requireOpen();
    this._channel.chat(trimmed, to || null);
  }

  /**
   * Calls `peer` (an id). Resolves with the Call right away (it connects in the background;
   * listen to its events). Failures are both thrown and reported as `error` events.
   */
  async call(peer) {
    peer = String(peer ?? '').trim();
    try {
      if (!peer) throw new JunctionError('bad-target', 'Type the name of the person to call.');
      if (peer === this.id) throw new JunctionError('bad-target', 'You cannot call yourself.');
      const active = this.activeCall;
      if (active) {
        if (active.peer === peer) return active; // already calling each other
        throw new JunctionError('busy', `You are already in a call with ${this.nameOf(active.peer)}. Hang up first.`);
      }
      this._requireOpen();
      if (this.users && !this.users.includes(peer)) throw new JunctionError('user-gone', `${this.nameOf(peer)} is not online any more.`);
    } catch (err) {
      this._emitError(err.code, err.message);
      throw err;
    }
    return this._startCall(peer, 'outgoing', this._channel.isPolite(peer));
  }

  /** Hangs up the current call, if any. */
  hangUp() {
    this.activeCall?.hangUp();
  }

  /** `GET /api/ice-servers`; an empty list (host candidates only) if the server has none or fails. */
  fetchIceServers() {
    return fetchIceServers(this.server, this.log);
  }

  _onChannelEvent(type, detail) {
    switch (type) {
      case 'state':
        this._setState(detail.state, detail);
        break;
      case 'welcome':
        this.name = detail.name;
        this.id = detail.id ?? detail.name;
        this._setState('open');
        // The session started over: the other side saw us leave, so a call from before is over.
        if (detail.restarted) this.activeCall?.fail('signaling-lost', 'The connection to the server was gone too long; call again.');
        this._fire('welcome', { name: this.name, id: this.id });
        this._resolveConnect?.(this);
        break;
      case 'renamed':
        this.name = this.id = detail.to;
        this._fire('renamed', detail);
        break;
      case 'users':
        this.users = detail.users;
        this._checkPresence();
        this._fire('users', detail);
        break;
      case 'chat':
      case 'server-message':
        this._fire(type, detail);
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
        this.log('unknown channel event', type, detail);
    }
  }

  _onSignal({ from, description, candidate, polite }) {
    if (!from) return; // a candidate or answer for a call that is already over
    const call = this.activeCall;
    if (call && call.peer !== from) {
      if (description?.type === 'offer') {
        // One call at a time: turn the second caller away so they do not wait for nothing.
        this._channel.hangup(from);
        this._emitError('busy', `${this.nameOf(from)} tried to call you while you were in a call.`);
      }
      return;
    }
    if (!call) {
      if (description?.type !== 'offer') return; // leftovers of an ended call
      const role = polite ?? this._channel.isPolite(from);
      this._startCall(from, 'incoming', role).handleSignal({ description });
      return;
    }
    call.handleSignal({ description, candidate });
  }

  _startCall(peer, direction, polite) {
    const call = new Call({
      peer,
      peerName: this.nameOf(peer),
      polite,
      direction,
      answerTimeoutMs: this.answerTimeoutMs,
      log: this.log,
      prepare: () => this._prepareMedia(),
      transport: {
        signal: (s) => this._channel.signal(peer, s),
        hangup: () => this._channel.hangup(peer),
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
    const [iceServers, stream] = await Promise.all([this.fetchIceServers(), openCamera(this.media)]);
    return { iceServers, iceTransportPolicy: this.iceTransportPolicy, stream };
  }

  /** A call partner missing from the user list has left (or never was there). */
  _checkPresence() {
    const call = this.activeCall;
    if (call && !this.users.includes(call.peer)) {
      call.fail('user-gone', `${call.peerName} left.`);
    }
    const ended = this._recentlyEnded;
    if (ended && Date.now() - ended.at < 5_000 && !this.users.includes(ended.peer)) {
      // The MDN server sends hang-up for a partner whose socket dropped; the list says why.
      this._recentlyEnded = null;
      this._emitError('user-gone', `${this.nameOf(ended.peer)} left.`);
    }
  }

  _requireOpen() {
    if (this.state !== 'open') throw new JunctionError('not-connected', 'Not connected to the server right now; wait for the reconnect.');
  }

  _setState(state, extra = {}) {
    const changed = this.state !== state;
    this.state = state;
    if (changed || state === 'reconnecting') this._fire('state', { ...extra, state });
  }

  _emitError(code, message, fatal = false, call = null) {
    this.log('error', code, message);
    this._fire('error', { code, message, fatal, call });
  }

  _fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
