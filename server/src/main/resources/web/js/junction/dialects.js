// Dialects of JunctionClient: one plain object per signaling protocol.
//
// Junction's native protocol (the default) brings its own session, with resume and acks:
// nativeDialect.open() makes a Lobby (native/lobby.js) that JunctionClient drives.
//
// The older wire protocols (mdn, tutorial) are adapters over a plain WebSocket that JunctionClient
// opens for them (DialectSocket). An adapter translates one wire protocol to the common events
// and back. It is a plain object with:
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

import { JunctionError } from './errors.js';
import { Lobby } from './native/lobby.js';

/**
 * The dialects without server-assigned roles need both peers to agree on who is polite
 * without talking about it: compare the two (unique) names. The greater one is polite.
 */
export function politeByName(self, peer) {
  return self > peer;
}

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

/**
 * Junction's native protocol v1: everyone online meets in the server's lobby room; the server
 * assigns the perfect-negotiation roles and a dropped connection resumes without losing a message.
 */
export const nativeDialect = {
  id: 'native',
  features: { presence: true, chat: true },
  /** @returns {Lobby} the channel JunctionClient drives (options: server, name, identity, token, log) */
  open: (options, emit) => new Lobby(options, emit),
};

/** Dialects by id; `new JunctionClient({dialect})` accepts an id or a dialect object. */
export const dialects = { native: nativeDialect, mdn: mdnDialect, tutorial: tutorialDialect };
