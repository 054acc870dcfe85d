// Lobby: JunctionClient's channel on the native protocol. Everyone online is a member of one
// room of the server, the lobby (`native.lobby.name`, told in the welcome): its members are the
// user list, text chat is room messages, and a call is an offer to one member. Unlike Room
// (room.js), nobody is called automatically: the person picks whom to call. The session
// (NativeSession) brings resume, acks and reconnects; the server hands out the roles.

import { errorText } from './error-text.js';
import { NativeSession } from './session.js';

/** What lobby messages carry in `data.kind`: a chat line, or the end of a call. */
const CHAT = 'chat';
const HANG_UP = 'hang-up';

/**
 * A JunctionClient channel (see JunctionClient for the events it emits). People are known by
 * their identity (`id`); `nameOf(id)` is what to show.
 */
export class Lobby {
  /**
   * @param {object} o
   * @param {string} o.server    http(s) origin of the server
   * @param {string} o.name      what people see
   * @param {string} [o.identity]  asked for when there is no token
   * @param {string|(() => Promise<string|null>)|null} [o.token]  see NativeSession
   * @param {(...args: any[]) => void} o.log
   * @param {(type: string, detail: object) => void} emit
   */
  constructor({ server, name, identity, token = null, log }, emit) {
    this.features = { presence: true, chat: true };
    this.session = new NativeSession({ server, identity, name, token, log });
    /** The lobby's room name, from the welcome. */
    this.room = null;
    this.id = null;
    this.name = name;
    /** The other members by identity, in the order they came: {name, polite, state}. */
    this.members = new Map();
    this._log = log;
    this._emit = emit;
    this._inLobby = false;
    this._restarted = false;

    this.session.addEventListener('state', (e) => {
      // Open means "in the lobby": the first time that is the `joined` answer, after a resume now.
      if (e.detail.state === 'connecting' || e.detail.state === 'reconnecting') emit('state', e.detail);
    });
    this.session.addEventListener('resumed', () => {
      if (this._inLobby) emit('state', { state: 'open' });
    });
    this.session.addEventListener('welcome', (e) => this._join(e.detail));
    this.session.addEventListener('frame', (e) => this._frame(e.detail.frame));
    this.session.addEventListener('error', (e) => emit('error', e.detail));
  }

  connect() {
    this.session.connect().catch(() => {}); // a fatal refusal also comes as an error event
  }

  close() {
    this.session.close();
  }

  signal(to, { description, candidate }) {
    this._send({ type: description ? description.type : 'candidate', room: this.room, to, data: description ?? candidate });
  }

  hangup(to) {
    this._send({ type: 'message', room: this.room, to, data: { kind: HANG_UP } });
  }

  /** The server does not echo a message to its sender, so the line is shown here at once. */
  chat(text, to) {
    const sentAt = Date.now();
    const frame = { type: 'message', room: this.room, data: { kind: CHAT, text, sentAt } };
    if (to) frame.to = to;
    this._send(frame);
    this._emit('chat', { from: this.id, text, date: sentAt, to });
  }

  /** Our role toward `peer`, as the server assigned it (the later of two to join the lobby is polite). */
  isPolite(peer) {
    return this.members.get(peer)?.polite ?? false;
  }

  nameOf(id) {
    return id === this.id ? this.name : this.members.get(id)?.name ?? id;
  }

  _send(frame) {
    if (this.session.state !== 'closed') this.session.send(frame);
  }

  /** A session began: join the lobby. A session that started over comes back as a newcomer. */
  _join(welcome) {
    this.id = welcome.identity;
    this.name = welcome.name;
    this.room = welcome.lobby;
    this._restarted = welcome.restarted;
    this._inLobby = false;
    this.members.clear();
    this.session.request({ type: 'join', room: this.room }).catch((err) => {
      if (err.code === 'session-restarted') return; // a newer welcome joins again
      const message = err.code === 'room-full'
        ? 'The video chat is full: everyone the server lets in is online already. Try again later.'
        : err.message;
      this._emit('error', { code: err.code, message, fatal: true });
    });
  }

  _frame(frame) {
    if (frame.type === 'error') {
      // A refused relay: the person it was for has left (peer-not-in-room), or a grant is missing.
      const code = frame.code === 'peer-not-in-room' ? 'user-gone' : frame.code;
      this._emit('error', { code, message: errorText(frame.code, frame.message) });
      return;
    }
    if (frame.type === 'server-message') {
      this._emit('server-message', { data: frame.data });
      return;
    }
    if (frame.room !== this.room) return;
    switch (frame.type) {
      case 'joined':
        for (const peer of frame.members) this._add(peer, peer.role === 'polite');
        this._inLobby = true;
        // restarted: the others saw this page leave, so calls from before are over for them.
        this._emit('welcome', { name: this.name, id: this.id, restarted: this._restarted });
        this._users();
        break;
      case 'peer-joined':
        this._add(frame.peer, frame.role === 'polite');
        this._users();
        break;
      case 'peer-left':
        if (this.members.delete(frame.identity)) this._users();
        break;
      case 'peer-state': {
        const member = this.members.get(frame.identity);
        if (member) member.state = frame.state;
        break;
      }
      case 'offer':
      case 'answer':
        this._emit('signal', { from: frame.from, description: frame.data, polite: this.isPolite(frame.from) });
        break;
      case 'candidate':
        if (frame.data) this._emit('signal', { from: frame.from, candidate: frame.data });
        break;
      case 'message':
        this._message(frame);
        break;
      case 'expired':
        this._emit('error', {
          code: 'not-delivered',
          message: `${frame.count} message(s) to ${this.nameOf(frame.to)} could not be delivered (${frame.reason}).`,
        });
        break;
      case 'room-closed':
        this._inLobby = false;
        this._emit('error', { code: 'room-closed', message: 'An administrator closed the lobby.', fatal: true });
        break;
      default:
        break;
    }
  }

  _message({ from, to, data }) {
    if (data?.kind === CHAT && typeof data.text === 'string') {
      this._emit('chat', { from, text: data.text, date: Number(data.sentAt) || Date.now(), to: to ?? null });
    } else if (data?.kind === HANG_UP) {
      this._emit('hangup', { from });
    } else {
      this._log('ignoring a lobby message of unknown kind from', from, data);
    }
  }

  _add(peer, polite) {
    this.members.set(peer.identity, { name: peer.name || peer.identity, polite, state: peer.state || 'active' });
  }

  /** Everyone online, this page first. */
  _users() {
    this._emit('users', { users: [this.id, ...this.members.keys()] });
  }
}
