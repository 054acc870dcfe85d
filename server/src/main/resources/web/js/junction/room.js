// Room: one room of a NativeSession, with a mesh of PeerLinks (one RTCPeerConnection per other
// member). The server says who is in the room and, for each pair, who is polite; this file
// turns that into peer connections and routes each offer, answer and candidate to its link.

import { JunctionError } from './errors.js';
import { IceServerCache } from './ice.js';
import { PeerLink } from './peer-link.js';

/**
 * Another person in the room, as the server describes them, plus this page's link to them.
 * `state`: active, or reconnecting (their socket dropped; their session waits for a resume and
 * the media between us may well still flow). `polite`: our role toward them.
 */
export class Member {
  constructor({ identity, name, state, grants }, polite) {
    this.identity = identity;
    this.name = name || identity;
    this.state = state || 'active';
    this.grants = grants || {};
    this.polite = polite;
    /** The PeerLink, once made: by us when we joined after them, on their first offer otherwise. */
    this.link = null;
    this._signals = Promise.resolve(); // their signals, applied one after the other
  }
}

/**
 * Events (CustomEvent, data in `detail`):
 *   joined {members}            in the room (again, after the session had to start over)
 *   peerjoined {member}         someone came
 *   peerleft {member, reason}   someone is gone (left, timeout, kicked, replaced, restarted)
 *   peerstate {member}          member.state changed (reconnecting / active)
 *   link {member, link}         a peer connection to member was made, or made again (attach data channels here)
 *   remotestream {member, stream}
 *   linkstate {member, state}   the peer connection's connectionState
 *   message {from, data, to}    application data relayed by the server (`send`)
 *   expired {to, reason, count, ids}  messages of ours the server dropped undelivered
 *   closed {reason}             out of the room: left, closed-by-admin, or rejoin-failed
 *   error {code, message, member?}
 */
export class Room extends EventTarget {
  /**
   * @param {import('./native/session.js').NativeSession} session
   * @param {string} name  the room (1–64 of A–Z a–z 0–9 _ -)
   * @param {object} [o]
   * @param {MediaStream} [o.stream]        sent to everyone (mute by disabling its tracks)
   * @param {string[]} [o.receiveOnly]      kinds to receive without sending, e.g. without a camera
   * @param {{label: string, id: number, options?: RTCDataChannelInit}[]} [o.dataChannels]  negotiated channels per link
   * @param {IceServerCache} [o.iceServers]
   * @param {RTCIceTransportPolicy} [o.iceTransportPolicy]
   * @param {(...args: any[]) => void} [o.log]
   */
  constructor(session, name, { stream = null, receiveOnly = [], dataChannels = [], iceServers,
    iceTransportPolicy = 'all', log = session.log } = {}) {
    super();
    this.session = session;
    this.name = name;
    this.state = 'idle'; // idle → joining → joined → left | closed
    /** The others, by identity, in the order they joined. */
    this.members = new Map();
    this.capacity = null;
    this._media = { stream, receiveOnly, dataChannels };
    this._iceServers = iceServers ?? new IceServerCache(session.server, log);
    this._iceTransportPolicy = iceTransportPolicy;
    this._log = (...a) => log(`[room ${name}]`, ...a);

    this._onFrame = (e) => this._frame(e.detail.frame);
    this._onWelcome = (e) => {
      if (e.detail.restarted && this.state === 'joined') this._rejoin();
    };
    session.addEventListener('frame', this._onFrame);
    session.addEventListener('welcome', this._onWelcome);
  }

  /** Connects the session if needed and enters the room; rejects with the server's reason (room-full…). */
  async join() {
    if (this.state !== 'idle') throw new JunctionError('already-joined', `Already in the room ${this.name}.`);
    this.state = 'joining';
    try {
      await this.session.connect();
      await this.session.request({ type: 'join', room: this.name });
    } catch (err) {
      this.state = 'closed';
      this._detach();
      throw err;
    }
    return [...this.members.values()];
  }

  /** Application data (JSON) to one member, or to everyone without `to`; relayed by the server. */
  send(data, to) {
    const frame = { type: 'message', room: this.name, data };
    if (to) frame.to = to;
    return this.session.send(frame);
  }

  /** Leaves the room: every peer connection closes; the session stays. */
  leave() {
    if (this.state === 'left' || this.state === 'closed') return;
    if (this.session.state !== 'closed') this.session.request({ type: 'leave', room: this.name }).catch(() => {});
    this._end('left');
  }

  // --- server frames -------------------------------------------------------------------

  _frame(frame) {
    if (frame.room !== this.name || !['joining', 'joined'].includes(this.state)) return;
    switch (frame.type) {
      case 'joined':
        this._joined(frame);
        break;
      case 'peer-joined': {
        const member = this._add(frame.peer, frame.role === 'polite');
        this._fire('peerjoined', { member });
        break;
      }
      case 'peer-left':
        this._remove(frame.identity, frame.reason);
        break;
      case 'peer-state': {
        const member = this.members.get(frame.identity);
        if (!member) break;
        member.state = frame.state;
        this._fire('peerstate', { member });
        break;
      }
      case 'offer':
      case 'answer':
        this._signal(frame.from, { description: frame.data }, frame.type === 'offer');
        break;
      case 'candidate':
        if (frame.data) this._signal(frame.from, { candidate: frame.data }, false);
        break;
      case 'message':
        this._fire('message', { from: frame.from, data: frame.data, to: frame.to ?? null });
        break;
      case 'expired':
        this._log('the server dropped messages of ours', frame);
        this._fire('expired', { to: frame.to, reason: frame.reason, count: frame.count, ids: frame.ids ?? [] });
        break;
      case 'room-closed':
        this._end(frame.reason || 'closed-by-admin');
        break;
      default:
        break;
    }
  }

  /**
   * In the room: everyone already there gets a link from us now. We joined last, so we are
   * polite toward all of them and our offers go first; they make their links when the offers come.
   */
  _joined(frame) {
    this.state = 'joined';
    this.capacity = frame.capacity;
    for (const peer of frame.members) this._add(peer, peer.role === 'polite');
    for (const member of this.members.values()) this._signal(member.identity, null, true);
    this._fire('joined', { members: [...this.members.values()] });
  }

  _add(peer, polite) {
    this._remove(peer.identity, 'replaced'); // the same identity again is a new session
    const member = new Member(peer, polite);
    this.members.set(member.identity, member);
    return member;
  }

  _remove(identity, reason) {
    const member = this.members.get(identity);
    if (!member) return;
    this.members.delete(identity);
    member.link?.close();
    this._fire('peerleft', { member, reason });
  }

  // --- links ---------------------------------------------------------------------------

  /**
   * Applies `signal` (null: none, only make the link) from `identity`, after the ones before it.
   * Only an offer (or our own join) makes a link; an answer or candidate for a link that is
   * gone belongs to a negotiation that ended and is dropped.
   */
  _signal(identity, signal, makeLink) {
    const member = this.members.get(identity);
    if (!member) {
      this._log('a signal from someone not in the room, dropped:', identity);
      return;
    }
    member._signals = member._signals.then(async () => {
      const link = makeLink ? await this._linkTo(member) : member.link;
      if (!link || link.closed || !signal) return;
      await link.handleSignal(signal);
    }).catch((err) => {
      this._log('signal from', identity, 'failed', err);
      this._fire('error', { code: 'call-failed', message: `The connection to ${member.name} failed: ${err.message}`, member });
    });
  }

  async _linkTo(member) {
    if (member.link && !member.link.closed) return member.link;
    const iceServers = await this._iceServers.get();
    if (this.members.get(member.identity) !== member) return null; // gone meanwhile
    const link = new PeerLink({
      peer: member.identity,
      polite: member.polite,
      config: { iceServers, iceTransportPolicy: this._iceTransportPolicy },
      stream: this._media.stream,
      receiveOnly: this._media.receiveOnly,
      dataChannels: this._media.dataChannels,
      send: (signal) => this._sendSignal(member, signal),
      log: this._log,
    });
    member.link = link;
    link.addEventListener('remotestream', (e) => this._fire('remotestream', { member, stream: e.detail.stream }));
    link.addEventListener('connectionstate', (e) => this._fire('linkstate', { member, state: e.detail.state }));
    // A link that started over (glare on the first offers) has new data channels to take.
    link.addEventListener('peerconnection', () => this._fire('link', { member, link }));
    link.addEventListener('failed', (e) => {
      link.close();
      this._fire('error', { code: e.detail.error.code, message: e.detail.error.message, member });
    });
    this._fire('link', { member, link });
    return link;
  }

  _sendSignal(member, { description, candidate }) {
    if (this.state !== 'joined' || this.session.state === 'closed') return;
    const type = description ? description.type : 'candidate';
    this.session.send({ type, room: this.name, to: member.identity, data: description ?? candidate });
  }

  // --- the end -------------------------------------------------------------------------

  /** The session started over (the old one could not be resumed): the others saw us leave, so join afresh. */
  async _rejoin() {
    this._log('the session started over: joining again');
    for (const identity of [...this.members.keys()]) this._remove(identity, 'restarted');
    this.state = 'joining';
    try {
      await this.session.request({ type: 'join', room: this.name });
    } catch (err) {
      this._fire('error', { code: err.code, message: err.message });
      this._end('rejoin-failed');
    }
  }

  _end(reason) {
    if (this.state === 'left' || this.state === 'closed') return;
    for (const member of this.members.values()) member.link?.close();
    this.members.clear();
    this.state = reason === 'left' ? 'left' : 'closed';
    this._detach();
    this._fire('closed', { reason });
  }

  _detach() {
    this.session.removeEventListener('frame', this._onFrame);
    this.session.removeEventListener('welcome', this._onWelcome);
  }

  _fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
