// DialectSocket: the signaling socket of an older wire protocol (mdn, tutorial) for
// JunctionClient. It opens the WebSocket where the adapter says, hands every JSON message to the
// adapter, and reconnects with backoff while the client lives. The native protocol does not use
// it: NativeSession has its own socket, with resume (see native/lobby.js).

import { backoffDelay } from './backoff.js';

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
 * A JunctionClient channel over a wire adapter of dialects.js. It emits the adapter's common
 * events through `emit`, plus `state {state, attempt?, delayMs?, code?}` for connecting,
 * reconnecting and closed (the client is open once an adapter says `welcome`).
 */
export class DialectSocket {
  /**
   * @param {object} adapter  a wire adapter (dialects.js)
   * @param {object} o
   * @param {string} o.server  http(s) origin of the server
   * @param {string} o.name    the name to register
   * @param {() => string|null} o.currentPeer  the partner of the current call (for protocols whose messages do not say who sent them)
   * @param {(...args: any[]) => void} o.log
   * @param {(type: string, detail: object) => void} emit
   */
  constructor(adapter, { server, name, currentPeer, log }, emit) {
    this.adapter = adapter;
    this.features = adapter.features;
    this.name = name;
    this._server = server;
    this._currentPeer = currentPeer;
    this._log = log;
    this._emit = emit;
    this._ws = null;
    this._ctx = null;
    this._attempt = 0;
    this._retryTimer = undefined;
    this._closing = false;
    this._wasOpen = false;
  }

  connect() {
    this._closing = false;
    this._open();
  }

  close() {
    this._closing = true;
    clearTimeout(this._retryTimer);
    const ws = this._ws;
    this._ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'bye');
  }

  signal(to, signal) {
    this.adapter.signal(to, signal, this._ctx);
  }

  hangup(to) {
    this.adapter.hangup(to, this._ctx);
  }

  chat(text, to) {
    this.adapter.chat(text, to, this._ctx);
  }

  isPolite(peer) {
    return this.adapter.isPolite(this.name, peer);
  }

  /** The wire protocols know people only by name. */
  nameOf(id) {
    return id;
  }

  _open() {
    const url = new URL(this.adapter.path, this._server);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this._attempt === 0) this._emit('state', { state: 'connecting' });
    const ws = this.adapter.subprotocol ? new WebSocket(url, this.adapter.subprotocol) : new WebSocket(url);
    this._ws = ws;
    const socket = this;
    const ctx = {
      get name() { return socket.name; },
      session: {}, // lives as long as this socket
      send: (obj) => {
        if (ws !== this._ws || ws.readyState !== WebSocket.OPEN) return false;
        this._log('→', obj.type, obj);
        ws.send(JSON.stringify(obj));
        return true;
      },
      emit: (type, detail) => {
        if (ws !== this._ws) return;
        if (type === 'welcome') {
          this.name = detail.name;
          this._attempt = 0;
          this._wasOpen = true;
        } else if (type === 'renamed') {
          this.name = detail.to;
        }
        this._emit(type, detail);
      },
      peer: () => this._currentPeer(),
    };
    this._ctx = ctx;

    ws.onopen = () => this.adapter.onOpen(ctx);
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let msg;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        this._log('ignoring a frame that is not JSON', ev.data);
        return;
      }
      if (!msg || typeof msg !== 'object') return;
      this._log('←', msg.type, msg);
      this.adapter.onMessage(msg, ctx);
    };
    ws.onclose = (ev) => this._onClose(ws, ev);
  }

  _onClose(ws, ev) {
    if (ws !== this._ws) return; // an old socket, or close() already took over
    this._ws = null;
    this._log('socket closed', ev.code, ev.reason);
    if (this._closing) return;

    const fatal = FATAL_CLOSE_CODES[ev.code];
    if (fatal) {
      this._emit('error', { code: 'signaling-closed', message: `${fatal} (close code ${ev.code}). Reload the page to reconnect.`, fatal: true });
      return;
    }
    const delayMs = backoffDelay(this._attempt++);
    // One error per outage, not one per retry; the state events carry the countdown.
    if (this._attempt === 1) {
      this._emit('error', {
        code: 'signaling-lost',
        message: this._wasOpen ? 'Lost the connection to the server. Reconnecting…' : 'Cannot reach the server. Retrying…',
      });
    }
    this._emit('state', { state: 'reconnecting', attempt: this._attempt, delayMs, code: ev.code });
    this._retryTimer = setTimeout(() => this._open(), delayMs);
  }
}
