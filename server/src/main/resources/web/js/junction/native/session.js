// NativeSession: one session of Junction's native protocol v1 (docs/API.md). It says hello
// (with a token when it has one), numbers and acknowledges frames both ways, and when the
// socket drops it reconnects with backoff and resumes: the server sends again every frame this
// page missed, and this page sends again every frame the server did not process, so nothing is
// lost or repeated. Rooms (room.js) are built on its `frame` events and `send`.

import { backoffDelay } from '../backoff.js';
import { JunctionError } from '../errors.js';
import { errorText } from './error-text.js';
import { InboundSequence, OutboundLog } from './sequence.js';

export const SUBPROTOCOL = 'junction.v1+json';
export const DEFAULT_PATH = '/ws/v1';

/** Acknowledge received frames after this much quiet, if fewer than ACK_EVERY came. */
const ACK_IDLE_MS = 1000;

/** Transport close codes that judge this page's traffic: trying again would only fail again. */
const FATAL_CLOSE_CODES = {
  1003: 'The server refused a message this page sent (unsupported data)',
  1008: 'The server closed the connection because of a policy violation (too many messages?)',
  1009: 'The server closed the connection because a message was too large',
};

/** Refusals of hello and resume after which a new session is the way on, not the end. */
const START_OVER = new Set(['resume-failed']);

/**
 * Events (CustomEvent, data in `detail`):
 *   state {state, attempt?, delayMs?, code?}  idle → connecting → open ⇄ reconnecting → closed
 *   welcome {identity, name, renamed, grants, roomCapacity, resumeGraceSeconds, lobby, restarted}
 *           a session began; `restarted`: it replaces one that could not be resumed, so every
 *           room must be joined again (the others saw this page leave)
 *   resumed {replayed, resent}               the session continues on a new socket
 *   frame {frame}                            every numbered server frame but welcome and resumed,
 *                                            exactly once, in order
 *   error {code, message, fatal}             fatal: the session is over (see errorText for codes,
 *                                            plus signaling-lost, signaling-closed, signaling-gap)
 */
export class NativeSession extends EventTarget {
  /**
   * @param {object} o
   * @param {string} [o.server=location.origin]  http(s) origin of the Junction server
   * @param {string} [o.path='/ws/v1']
   * @param {string} [o.identity]  asked for when there is no token (the server's rules: 1–64 of A–Z a–z 0–9 . _ @ -)
   * @param {string} [o.name]      what people see
   * @param {string|(() => Promise<string|null>)|null} [o.token]  a JWT, or a function that gets
   *                                one for each new session (see tokens.js); none in dev mode
   * @param {(...args: any[]) => void} [o.log]
   */
  constructor({ server = globalThis.location?.origin, path = DEFAULT_PATH, identity, name, token = null,
    log = (...a) => console.debug('[junction]', ...a) } = {}) {
    super();
    this.server = server;
    this.path = path;
    this.log = log;
    this.state = 'idle';
    /** The session as the server knows it, once welcomed. */
    this.identity = null;
    this.name = name ?? null;
    this.grants = null;
    this.welcome = null;
    /** Counters for tests and debugging; they only ever grow. */
    this.stats = { sessions: 0, resumes: 0, framesReceived: 0, framesSent: 0, framesResent: 0 };

    this._ask = { identity, name };
    this._token = token;
    this._inbound = new InboundSequence();
    this._outbound = new OutboundLog();
    this._session = null; // {id, secret}
    this._ws = null;
    this._live = false; // the current socket carries the session (welcomed or resumed)
    this._attempt = 0;
    this._retryTimer = undefined;
    this._ackTimer = undefined;
    this._closing = false;
    this._wasOpen = false;
    this._goodbye = null;
    this._refusal = null;
    this._requests = new Map();
    this._requestCount = 0;
  }

  /** Frames that came again or after a missing one (both stay 0 with a correct server). */
  get sequenceFaults() {
    return { duplicates: this._inbound.duplicates, gaps: this._inbound.gaps };
  }

  /** The last `seq` received: what a resume continues from. */
  get lastSeq() {
    return this._inbound.lastSeq;
  }

  /**
   * Opens the session; resolves with the welcome. Keeps retrying while the server is
   * unreachable; rejects only on a fatal error (token refused, identity taken…).
   */
  connect() {
    if (!this._connecting) {
      this._connecting = new Promise((resolve, reject) => {
        this._resolveConnect = resolve;
        this._rejectConnect = reject;
      });
      this._open();
    }
    return this._connecting;
  }

  /**
   * Sends a frame within the session. It is numbered, acknowledges what came, and is sent
   * again after a resume if the server did not get it; while the socket is down it waits.
   */
  send(frame) {
    if (this.state === 'closed') throw new JunctionError('not-connected', 'The session with the server is over.');
    const numbered = this._outbound.add(frame);
    if (this._live) this._write(numbered);
    return numbered.seq;
  }

  /**
   * Sends a frame that the server answers (join, leave, ping) and resolves with the answer,
   * or rejects with a JunctionError carrying the server's error code.
   */
  request(frame) {
    const id = `q${++this._requestCount}`;
    return new Promise((resolve, reject) => {
      this._requests.set(id, { resolve, reject });
      try {
        this.send({ ...frame, id });
      } catch (err) {
        this._requests.delete(id);
        reject(err);
      }
    });
  }

  /** Ends the session for good (`bye`: the others see this page leave at once). */
  close() {
    if (this.state === 'closed') return;
    this._closing = true;
    clearTimeout(this._retryTimer);
    clearTimeout(this._ackTimer);
    const ws = this._ws;
    this._ws = null;
    if (ws?.readyState === WebSocket.OPEN && this._live) ws.send(JSON.stringify({ type: 'bye' }));
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'bye');
    this._live = false;
    this._endRequests(new JunctionError('not-connected', 'The session with the server is over.'));
    this._setState('closed');
  }

  // --- socket lifecycle ---------------------------------------------------------------

  async _open() {
    if (this.state !== 'reconnecting') this._setState('connecting');
    const first = this._session
      ? { type: 'resume', session: this._session.id, secret: this._session.secret, lastSeq: this._inbound.lastSeq }
      : await this._hello();
    if (this._closing || !first) return;
    const url = new URL(this.path, this.server);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url, SUBPROTOCOL);
    this._ws = ws;
    this._live = false;
    ws.onopen = () => {
      this.log('→', first.type);
      ws.send(JSON.stringify(first));
    };
    ws.onmessage = (ev) => {
      if (ws === this._ws) this._onText(ev.data);
    };
    ws.onclose = (ev) => this._onClose(ws, ev);
  }

  /** The hello of a new session, with a token when there is one; null when getting the token failed fatally. */
  async _hello() {
    const hello = { type: 'hello' };
    if (this._ask.identity) hello.identity = this._ask.identity;
    if (this._ask.name) hello.name = this._ask.name;
    try {
      const token = typeof this._token === 'function' ? await this._token() : this._token;
      if (token) hello.token = token;
    } catch (err) {
      this._fatal('token-failed', `Could not get an access token: ${err.message}`);
      return null;
    }
    return hello;
  }

  _onText(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      this.log('ignoring a frame that is not JSON', text);
      return;
    }
    if (!frame || typeof frame !== 'object') return;
    if (typeof frame.seq !== 'number') {
      // About this connection only: a refused hello/resume, or the reason of the close to come.
      this.log('←', frame.type, frame);
      if (frame.type === 'goodbye') this._goodbye = frame;
      else if (frame.type === 'error') this._refusal = frame;
      return;
    }
    if (frame.type === 'welcome') this._inbound.reset(); // a new session numbers from 1
    if (!this._inbound.accept(frame.seq)) {
      this.log('dropping a frame received before', frame.seq, frame.type);
      return;
    }
    this.stats.framesReceived++;
    this.log('←', frame.seq, frame.type, frame.type === 'welcome' ? { ...frame, secret: '[redacted]' } : frame);
    this._scheduleAck();

    switch (frame.type) {
      case 'welcome':
        this._onWelcome(frame);
        break;
      case 'resumed':
        this._onResumed(frame);
        break;
      default:
        this._answerRequest(frame);
        this._fire('frame', { frame });
    }
  }

  _onWelcome(frame) {
    const restarted = this.stats.sessions > 0;
    this.stats.sessions++;
    this._session = { id: frame.session, secret: frame.secret };
    this.identity = frame.identity;
    this.name = frame.name;
    this.grants = frame.grants;
    this.welcome = {
      identity: frame.identity, name: frame.name, renamed: !!frame.renamed, grants: frame.grants,
      roomCapacity: frame.roomCapacity, resumeGraceSeconds: frame.resumeGraceSeconds, lobby: frame.lobby, restarted,
    };
    this._becameLive();
    // Frames made before the welcome (e.g. a join asked for while connecting) go now.
    this._flush(this._outbound.after(0).frames);
    this._fire('welcome', this.welcome);
    this._resolveConnect?.(this.welcome);
  }

  _onResumed(frame) {
    this.stats.resumes++;
    this._becameLive();
    const { frames, complete } = this._outbound.after(frame.lastClientSeq);
    if (!complete) {
      this._emitError('signaling-gap', 'Some messages this page sent while the connection was down were too many to keep and are lost.');
    }
    this.stats.framesResent += frames.length;
    this._flush(frames);
    this.log('resumed: the server sent again', frame.replayed, 'frames; this page sent again', frames.length);
    this._fire('resumed', { replayed: frame.replayed, resent: frames.length });
  }

  _becameLive() {
    this._live = true;
    this._attempt = 0;
    this._wasOpen = true;
    this._setState('open');
  }

  _onClose(ws, ev) {
    if (ws !== this._ws) return; // a socket already replaced (e.g. after resumed-elsewhere)
    this._ws = null;
    this._live = false;
    clearTimeout(this._ackTimer);
    this._ackTimer = undefined;
    const goodbye = this._goodbye;
    const refusal = this._refusal;
    this._goodbye = this._refusal = null;
    this.log('socket closed', ev.code, ev.reason, goodbye ?? refusal ?? '');
    if (this._closing) return;

    if (refusal && !START_OVER.has(refusal.code)) {
      this._fatal(refusal.code, errorText(refusal.code, refusal.message));
      return;
    }
    if (goodbye && !goodbye.resume && goodbye.reason !== 'overflow') {
      if (goodbye.reason === 'bye') this.close();
      else this._fatal(goodbye.reason, errorText(goodbye.reason));
      return;
    }
    if (FATAL_CLOSE_CODES[ev.code]) {
      this._fatal('signaling-closed', `${FATAL_CLOSE_CODES[ev.code]} (close code ${ev.code}). Reload the page to reconnect.`);
      return;
    }

    let delayMs;
    if (refusal || goodbye?.reason === 'overflow') {
      // The session is gone: say hello again at once. Rooms rejoin on the new welcome.
      this._emitError(refusal?.code ?? 'overflow', errorText(refusal?.code ?? 'overflow', refusal?.message));
      this._forgetSession();
      delayMs = 0;
    } else if (goodbye?.resume) {
      delayMs = 0; // the server asked for it (e.g. before maintenance): resume right away
    } else {
      delayMs = backoffDelay(this._attempt);
      // One error per outage, not one per retry; the state events carry the countdown.
      if (this._attempt === 0) {
        this._emitError('signaling-lost', this._wasOpen
          ? 'Lost the connection to the server. Reconnecting…'
          : 'Cannot reach the server. Retrying…');
      }
    }
    this._attempt++;
    this._setState('reconnecting', { attempt: this._attempt, delayMs, code: ev.code });
    this._retryTimer = setTimeout(() => this._open(), delayMs);
  }

  _forgetSession() {
    this._session = null;
    this._outbound.reset();
    this._endRequests(new JunctionError('session-restarted', 'The session with the server was started again.'));
  }

  _fatal(code, message) {
    this._emitError(code, message, true);
    this._rejectConnect?.(new JunctionError(code, message));
    this.close();
  }

  // --- frames out ----------------------------------------------------------------------

  _flush(frames) {
    for (const frame of frames) this._write(frame);
  }

  /** Writes a numbered frame with an ack of everything received so far. */
  _write(frame) {
    const ws = this._ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const out = this._inbound.lastSeq > 0 ? { ...frame, ack: this._inbound.acknowledge() } : frame;
    this.log('→', frame.seq, frame.type, frame);
    ws.send(JSON.stringify(out));
    this.stats.framesSent++;
  }

  /** Acks go at once when ACK_EVERY frames wait, else after ACK_IDLE_MS of quiet. */
  _scheduleAck() {
    if (this._inbound.ackDue) {
      this._sendAck();
      return;
    }
    clearTimeout(this._ackTimer);
    this._ackTimer = setTimeout(() => this._sendAck(), ACK_IDLE_MS);
  }

  _sendAck() {
    clearTimeout(this._ackTimer);
    this._ackTimer = undefined;
    const ws = this._ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || this._inbound.unacked === 0) return;
    ws.send(JSON.stringify({ type: 'ack', ack: this._inbound.acknowledge() }));
  }

  // --- requests ------------------------------------------------------------------------

  _answerRequest(frame) {
    const request = frame.requestId && this._requests.get(frame.requestId);
    if (!request) return;
    this._requests.delete(frame.requestId);
    if (frame.type === 'error') request.reject(new JunctionError(frame.code, errorText(frame.code, frame.message)));
    else request.resolve(frame);
  }

  _endRequests(error) {
    for (const { reject } of this._requests.values()) reject(error);
    this._requests.clear();
  }

  // --- events --------------------------------------------------------------------------

  _setState(state, extra = {}) {
    const changed = this.state !== state;
    this.state = state;
    if (changed || state === 'reconnecting') this._fire('state', { state, ...extra });
  }

  _emitError(code, message, fatal = false) {
    this.log('error', code, message);
    this._fire('error', { code, message, fatal });
  }

  _fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
