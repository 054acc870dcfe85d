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
// The older wire protocols other servers speak (MDN's chat, the tutorial login/offer/answer)
// are there for 1:1 calls by name through JunctionClient, with dialect 'mdn' or 'tutorial':
//
//   const client = new JunctionClient({ dialect: 'mdn', name: 'alice' });
//   client.addEventListener('call', (e) => show(e.detail.call));   // outgoing and incoming
//   await client.connect();
//   const call = await client.call('bob');
//
// Plain ES modules, no dependencies, no build step. The pieces, top down:
//   junction/native/session.js   NativeSession: hello or resume, numbered frames and acks, reconnects
//   junction/native/sequence.js  the numbering both ways (pure)
//   junction/native/tokens.js    where a page gets its access token (link, dev server)
//   junction/native/error-text.js  the server's error codes in words for people
//   junction/room.js             Room: members, roles and one PeerLink per other member
//   junction/peer-link.js        PeerLink: one RTCPeerConnection with perfect negotiation
//   junction.js                  JunctionClient: a 1:1 call client over the older dialects
//   junction/call.js             Call: JunctionClient's call (camera + PeerLink)
//   junction/dialects.js         one adapter object per older wire protocol (mdn, tutorial)
//   junction/ice.js              ICE servers from /api/ice-servers
//   junction/backoff.js          reconnect delays
//   junction/media.js            opening the camera
//   junction/errors.js           JunctionError and the getUserMedia error mapping
//
// Nothing here calls getStats(): reading stats is the application's business, and Chromium
// has crashed on getStats() while remote audio was playing unmuted (see TESTING.md).

import { backoffDelay } from './junction/backoff.js';
import { Call, DEFAULT_ANSWER_TIMEOUT_MS } from './junction/call.js';
import { dialects, mdnDialect, politeByName, tutorialDialect } from './junction/dialects.js';
import { JunctionError, mediaError } from './junction/errors.js';
import { fetchIceServers, IceServerCache } from './junction/ice.js';
import { openCamera } from './junction/media.js';
import { InboundSequence, OutboundLog } from './junction/native/sequence.js';
import { NativeSession } from './junction/native/session.js';
import { devTokenSource, tokenFromAddressBar } from './junction/native/tokens.js';
import { PeerLink } from './junction/peer-link.js';
import { Member, Room } from './junction/room.js';

export {
  backoffDelay, Call, devTokenSource, dialects, IceServerCache, InboundSequence, JunctionError, mdnDialect, Member,
  mediaError, NativeSession, openCamera, OutboundLog, PeerLink, politeByName, Room, tokenFromAddressBar, tutorialDialect,
};

/**
 * Close codes after which reconnecting would only repeat the failure: the server judged
 * this client's traffic, not the network. They end the session with a visible error.
 */
const FATAL_CLOSE_CODES = {
  1003: 'The server refused a message this page sent (unsupported data)',
  1008: 'The server closed the connection because of a policy violation (too many messages?)',
  1009: 'The server closed the connection because a message was too large',
};

/**
 * A person's session with a server of an older dialect (mdn, tutorial): one signaling socket, reconnected with backoff
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
    iceTransportPolicy = 'all', answerTimeoutMs = DEFAULT_ANSWER_TIMEOUT_MS,
    log = (...a) => console.debug('[junction]', ...a) } = {}) {
    super();
    const adapter = typeof dialect === 'string' ? dialects[dialect] : dialect;
    if (!adapter) throw new JunctionError('unsupported', `Unknown dialect "${dialect}"; known: ${Object.keys(dialects).join(', ')}.`);
    if (!name || !String(name).trim()) throw new JunctionError('bad-name', 'Choose a name first.');
    this.dialect = adapter;
    this.name = String(name).trim();
    this.server = server;
    this.media = media;
    /** 'all', or 'relay' to send media only through TURN (hides the addresses of both sides). */
    this.iceTransportPolicy = iceTransportPolicy;
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
  fetchIceServers() {
    return fetchIceServers(this.server, this.log);
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
    const [iceServers, stream] = await Promise.all([this.fetchIceServers(), openCamera(this.media)]);
    return { iceServers, iceTransportPolicy: this.iceTransportPolicy, stream };
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
