// The share page: two people open /share/<room>, then chat and send each other files over
// RTCDataChannels, browser to browser. The server (NativeSession, Room) only introduces them;
// no message or byte of a file passes through it.
//
// Two negotiated channels on the one peer connection: "chat" (JSON lines) and "files"
// (file-transfer.js). Query parameters: ?name=, ?token=, ?relay=1, as for the room call.

import { Room } from '/js/junction.js';
import { openLinkPage, phaseSwitch, sessionFor, showSession, wireLinkPage } from '/js/link-page.js';
import { FileChannel } from '/share/file-transfer.js';
import { TransferView } from '/share/transfer-view.js';

const page = openLinkPage(); // first: it takes the token out of the address bar
const { log, notice } = page;
const $ = (id) => document.getElementById(id);
const setPhase = phaseSwitch('joined', 'app');

/** Both ends create these with the same ids, so neither waits for the other's channel. */
const CHANNELS = [{ label: 'chat', id: 0 }, { label: 'files', id: 1 }];
const MAX_CHAT_CHARS = 2000;

let session = null;
let room = null;
/** The other person: the first member of the room; a third one is not connected with. */
let partner = null;
let chat = null;
let files = null;
const views = new Map();

/** Read-only handle for tests and for debugging from the console. */
Object.defineProperty(window, 'junctionShare', {
  value: Object.freeze({
    get session() { return session; },
    get room() { return room; },
    snapshot() {
      return {
        phase: document.body.dataset.phase,
        peer: document.body.dataset.peer,
        partner: partner?.name ?? null,
        transfers: [...views.values()].map(({ transfer: t }) => ({
          direction: t.direction, name: t.name, size: t.size, bytes: t.bytes, state: t.state,
          sha256: t.sha256, error: t.error, cancelledBy: t.cancelledBy,
        })),
      };
    },
  }),
});

// --- joining and leaving ------------------------------------------------------------------

async function join(name) {
  setPhase('joining');
  session = sessionFor(page, name);
  room = new Room(session, page.room, { dataChannels: CHANNELS, iceTransportPolicy: page.iceTransportPolicy, log });
  listen(session, room);
  let members;
  try {
    members = await room.join();
  } catch (err) {
    notice('error', err.message, err.code);
    session.close();
    setPhase('ready');
    return;
  }
  if (members.length > 1) {
    // A link is for two people; the first two in the room have it.
    notice('error', 'Two people are already using this link. Start a new one for yourselves.', 'share-busy');
    leave('This link was in use by two other people.');
    return;
  }
  setPhase('joined');
}

function leave(reason) {
  room?.leave();
  session?.close();
  $('left-reason').textContent = reason;
  setPhase('left');
}

// --- the other person -----------------------------------------------------------------------

/** Connection status toward the partner, in #peer-status and body[data-peer]. */
function showPeer(member, linkState) {
  partner = member;
  let peer = 'waiting';
  let text = 'Waiting for someone to open this link…';
  if (member?.state === 'reconnecting') {
    peer = 'reconnecting';
    text = `${member.name} lost the connection to the server; waiting for them to come back…`;
  } else if (member && chat?.readyState === 'open') {
    peer = 'connected';
    text = `Connected to ${member.name}: messages and files go straight between your browsers.`;
  } else if (member) {
    peer = 'connecting';
    text = linkState === 'failed' ? `Could not connect to ${member.name}.` : `Connecting to ${member.name}…`;
  }
  document.body.dataset.peer = peer;
  $('peer-status').textContent = text;
  const ready = peer === 'connected';
  for (const id of ['chat-text', 'chat-send', 'file', 'send-file']) $(id).disabled = !ready;
}

function listen(s, r) {
  showSession(page, s, (message) => {
    if (document.body.dataset.phase === 'joined') leave(message);
  });
  // Before any link is made: the partner's link must find its data channels taken.
  r.addEventListener('joined', (e) => showPeer(e.detail.members[0] ?? null));
  r.addEventListener('peerjoined', (e) => {
    if (partner) return;
    notice('info', `${e.detail.member.name} joined.`, 'peer-joined');
    showPeer(e.detail.member);
  });
  r.addEventListener('peerleft', (e) => {
    if (e.detail.member !== partner) return;
    notice('info', `${partner.name} left.`, 'peer-left');
    chat = files = null;
    showPeer(null);
  });
  r.addEventListener('peerstate', (e) => {
    if (e.detail.member === partner) showPeer(partner);
  });
  r.addEventListener('link', (e) => {
    if (e.detail.member === partner) attach(e.detail.link);
  });
  r.addEventListener('linkstate', (e) => {
    if (e.detail.member === partner) showPeer(partner, e.detail.state);
  });
  r.addEventListener('error', (e) => notice('error', e.detail.message, e.detail.code));
  r.addEventListener('closed', (e) => {
    if (e.detail.reason !== 'left') leave('You are no longer in this room.');
  });
}

/** Takes the data channels of the link to the partner. */
function attach(link) {
  chat = link.channels.get('chat');
  chat.addEventListener('open', () => {
    showPeer(partner);
    chatLine({ system: `You are connected to ${partner.name}.` });
  });
  chat.addEventListener('close', () => showPeer(partner));
  chat.addEventListener('message', (e) => receiveChat(e.data));
  files = new FileChannel(link.channels.get('files'), log);
  files.addEventListener('transfer', (e) => showTransfer(e.detail.transfer));
  files.addEventListener('progress', (e) => views.get(e.detail.transfer)?.update());
  files.addEventListener('end', (e) => {
    const t = e.detail.transfer;
    views.get(t)?.update();
    if (t.state === 'failed') notice('error', t.error, 'file-failed');
    else if (t.state === 'cancelled' && t.cancelledBy === 'peer') notice('info', `${partner?.name ?? 'The other side'} cancelled ${t.name}.`, 'file-cancelled');
  });
}

// --- chat -------------------------------------------------------------------------------------

function sendChat(text) {
  chat.send(JSON.stringify({ type: 'chat', text, sentAt: Date.now() }));
  chatLine({ from: 'You', text, mine: true });
}

function receiveChat(data) {
  let msg;
  try {
    msg = JSON.parse(data);
  } catch {
    return;
  }
  if (msg?.type === 'chat' && typeof msg.text === 'string') {
    chatLine({ from: partner?.name ?? 'Them', text: msg.text.slice(0, MAX_CHAT_CHARS) });
  }
}

function chatLine({ from, text, mine, system }) {
  const li = document.createElement('li');
  if (system) {
    li.className = 'system';
    li.textContent = system;
  } else {
    if (mine) li.className = 'mine';
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = from;
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text; // never innerHTML: the text is someone else's input
    li.append(who, ' ', body);
  }
  const logEl = $('chat-log');
  const atBottom = logEl.scrollHeight - logEl.scrollTop - logEl.clientHeight < 40;
  logEl.append(li);
  if (atBottom) logEl.scrollTop = logEl.scrollHeight;
}

// --- files ------------------------------------------------------------------------------------

function showTransfer(transfer) {
  const view = new TransferView(transfer, (t) => files?.cancel(t));
  views.set(transfer, view);
  $('transfers').prepend(view.element);
}

async function sendFile(file) {
  try {
    await files.send(file);
  } catch (err) {
    notice('error', err.message, 'file-failed');
  }
}

// --- wiring -------------------------------------------------------------------------------------

$('chat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('chat-text').value.trim();
  if (!text || chat?.readyState !== 'open') return;
  sendChat(text.slice(0, MAX_CHAT_CHARS));
  $('chat-text').value = '';
});
$('file-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const file = $('file').files[0];
  if (!file) {
    notice('error', 'Choose a file first.', 'no-file');
    return;
  }
  sendFile(file);
  $('file').value = '';
});
$('leave').addEventListener('click', () => leave('You left.'));
$('rejoin').addEventListener('click', () => location.reload());
// Leaving the page says bye: the other side sees you leave at once instead of "reconnecting".
addEventListener('pagehide', () => session?.close());

setPhase(wireLinkPage(page, { app: 'share', onJoin: join }));
