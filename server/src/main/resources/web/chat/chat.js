// The video-chat page: choose a name, see who is online, chat, click someone to call them.
// All protocol work is in /js/junction.js; this file only turns its events into DOM.
//
// By default the page speaks Junction's native protocol (/ws/v1): everyone online is in the
// server's lobby room, and ?token=<jwt> (taken out of the address bar at once) is the access
// token, which must grant the lobby. ?dialect=mdn talks to /ws/mdn instead; ?dialect=tutorial
// to /ws/tutorial, which has no user list and no chat, so the page offers "call by name".
// ?name= prefills the name.

import { JunctionClient, tokenFromAddressBar } from '/js/junction.js';
import { dismissNotices, notice as showNotice, pageLog, showConnectionPill } from '/js/page.js';
import { tabIdentity } from '/js/room-link.js';

const token = tokenFromAddressBar(); // first: nothing else may see it
const params = new URLSearchParams(location.search);
const dialect = ['mdn', 'tutorial'].includes(params.get('dialect')) ? params.get('dialect') : 'native';
// ?relay=1 sends media only through the TURN server (iceTransportPolicy "relay").
const iceTransportPolicy = params.get('relay') === '1' ? 'relay' : 'all';
const $ = (id) => document.getElementById(id);

const log = pageLog();

// --- state -------------------------------------------------------------------------------

let client = null;

/**
 * Read-only handle for tests and for debugging from the console.
 * remoteVideoStats() reads getStats() of the current call: mute #remote-video before calling
 * it (Chromium has crashed on getStats while remote audio played unmuted; see TESTING.md).
 */
Object.defineProperty(window, 'junctionChat', {
  value: Object.freeze({
    dialect,
    get client() { return client; },
    get call() { return client?.activeCall ?? null; },
    get lastCall() { return client?.lastCall ?? null; },
    async remoteVideoStats() {
      const pc = client?.activeCall?.pc;
      if (!pc) return null;
      const report = await pc.getStats();
      for (const s of report.values()) {
        if (s.type === 'inbound-rtp' && s.kind === 'video') {
          return { framesDecoded: s.framesDecoded ?? 0, frameWidth: s.frameWidth ?? 0, frameHeight: s.frameHeight ?? 0 };
        }
      }
      return { framesDecoded: 0, frameWidth: 0, frameHeight: 0 };
    },
    /** The candidate types ('host', 'srflx', 'relay', ...) of the pair the call is using. */
    async selectedCandidatePair() {
      const pc = client?.activeCall?.pc;
      if (!pc) return null;
      const report = await pc.getStats();
      let pair = null;
      for (const s of report.values()) {
        if (s.type === 'transport' && s.selectedCandidatePairId) pair = report.get(s.selectedCandidatePairId);
      }
      if (!pair) return null;
      return {
        local: report.get(pair.localCandidateId)?.candidateType ?? null,
        remote: report.get(pair.remoteCandidateId)?.candidateType ?? null,
        state: pair.state,
      };
    },
  }),
});

// --- notices: every error reaches the person, not only the console -----------------------

const notice = (kind, message, code) => showNotice($('notices'), kind, message, code);

// --- connection ----------------------------------------------------------------------------

function showConnection(change) {
  showConnectionPill(change);
  const canAct = change.state === 'open';
  $('chat-text').disabled = $('chat-send').disabled = !canAct;
  $('call-button').disabled = !canAct;
}

async function join(name) {
  $('join').disabled = true;
  let wasOnline = false;
  // On the native protocol a person is an identity unique to this tab (two Alices can both be
  // online; a reload takes its own session over) and their name is what everyone sees.
  const native = dialect === 'native' ? { identity: tabIdentity(name), token } : {};
  const c = new JunctionClient({ dialect, name, iceTransportPolicy, log, ...native });
  client = c;

  c.addEventListener('state', (e) => {
    showConnection(e.detail);
    if (e.detail.state === 'open' && wasOnline) {
      dismissNotices($('notices'), 'signaling-lost');
      notice('info', 'Reconnected to the server.', 'reconnected');
    }
  });
  c.addEventListener('welcome', (e) => {
    wasOnline = true;
    $('me').textContent = `You are ${e.detail.name}`;
    $('me').hidden = false;
    renderUsers();
  });
  c.addEventListener('renamed', (e) => {
    notice('info', `The name ${e.detail.from} was taken, so you are ${e.detail.to}.`, 'renamed');
    systemLine(`Your name is ${e.detail.to} (${e.detail.from} was taken).`);
  });
  c.addEventListener('users', renderUsers);
  c.addEventListener('chat', (e) => chatLine(e.detail));
  c.addEventListener('server-message', ({ detail: { data } }) => {
    const text = typeof data === 'string' ? data : data?.text;
    if (typeof text === 'string' && text) notice('info', `Message from the operator: ${text}`, 'server-message');
  });
  c.addEventListener('call', (e) => attachCall(e.detail.call));
  c.addEventListener('error', (e) => {
    notice('error', e.detail.message, e.detail.code);
    if (e.detail.fatal && !wasOnline) {
      $('join').disabled = false;
      showLogin();
    }
  });

  showApp();
  try {
    await c.connect();
  } catch (err) {
    log('connect failed', err);
  }
}

function showLogin() {
  $('login').hidden = false;
  $('app').hidden = true;
}

function showApp() {
  $('login').hidden = true;
  $('app').hidden = false;
  const presence = dialect !== 'tutorial';
  $('people').hidden = !presence;
  $('chat').hidden = !presence;
  $('dial').hidden = presence;
  (presence ? $('chat-text') : $('call-name')).focus();
}

// --- people -------------------------------------------------------------------------------

function renderUsers() {
  const list = $('users');
  const users = client?.users ?? [];
  const items = users.map((user) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    const name = client.nameOf(user);
    button.dataset.user = user;
    button.dataset.name = name;
    const isMe = user === client.id;
    button.textContent = isMe ? `${name} (you)` : name;
    button.disabled = isMe;
    if (client.activeCall?.peer === user) button.setAttribute('aria-current', 'true');
    button.setAttribute('aria-label', isMe ? `${name} (you)` : `Call ${name}`);
    button.addEventListener('click', () => startCall(user));
    li.append(button);
    return li;
  });
  if (users.filter((u) => u !== client?.id).length === 0) {
    const li = document.createElement('li');
    li.className = 'muted small';
    li.textContent = 'Nobody else is here yet.';
    items.push(li);
  }
  list.replaceChildren(...items);
}

function startCall(name) {
  log('calling', name);
  // Failures (busy, user gone, not connected) arrive as client `error` events: shown there.
  client.call(name).catch(() => {});
}

// --- chat -----------------------------------------------------------------------------------

function chatLine({ from, text, date, to }) {
  const li = document.createElement('li');
  if (from === client.id) li.className = 'mine';
  const when = document.createElement('time');
  when.className = 'when';
  const d = new Date(date);
  when.dateTime = d.toISOString();
  when.textContent = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = to ? `${client.nameOf(from)} → ${client.nameOf(to)}` : client.nameOf(from);
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text; // never innerHTML: chat text is someone else's input
  li.append(when, who, body);
  appendChat(li);
}

function systemLine(text) {
  const li = document.createElement('li');
  li.className = 'system';
  li.textContent = text;
  appendChat(li);
}

function appendChat(li) {
  const log = $('chat-log');
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  log.append(li);
  if (atBottom) log.scrollTop = log.scrollHeight;
}

// --- calls ----------------------------------------------------------------------------------

function setCallStatus(text, state) {
  $('call-status').textContent = text;
  document.body.dataset.call = state;
}

function showStream(video, stream) {
  video.srcObject = stream;
  video.dataset.live = '';
  video.play().then(() => {
    if (video === $('remote-video')) $('play').hidden = true;
  }).catch((err) => {
    // Autoplay with sound needs a user gesture; a person who was called may not have made one.
    log('play() refused', err);
    if (video === $('remote-video') && err.name === 'NotAllowedError') $('play').hidden = false;
  });
}

function clearVideo(video) {
  video.srcObject = null;
  delete video.dataset.live;
}

function attachCall(call) {
  const peer = call.peerName;
  setCallStatus(call.direction === 'outgoing' ? `Calling ${peer}…` : `${peer} is calling you: connecting…`, 'calling');
  $('hangup').disabled = false;
  renderUsers();
  call.addEventListener('localstream', (e) => showStream($('local-video'), e.detail.stream));
  call.addEventListener('remotestream', (e) => showStream($('remote-video'), e.detail.stream));
  call.addEventListener('statechange', (e) => {
    if (e.detail.state === 'connected') setCallStatus(`In call with ${peer}`, 'in-call');
  });
  call.addEventListener('ended', (e) => {
    clearVideo($('local-video'));
    clearVideo($('remote-video'));
    $('play').hidden = true;
    $('hangup').disabled = true;
    setCallStatus('Not in a call', 'idle');
    renderUsers();
    // Failures were already reported through the client's error event.
    if (!e.detail.error) notice('info', e.detail.message, e.detail.reason);
  });
}

// --- wiring -----------------------------------------------------------------------------------

$('login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const name = $('name').value.trim();
  if (name) join(name);
});

$('chat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('chat-text');
  if (!input.value.trim()) return;
  try {
    client.sendChat(input.value);
    input.value = '';
  } catch (err) {
    notice('error', err.message, err.code);
  }
});

$('call-form').addEventListener('submit', (e) => {
  e.preventDefault();
  startCall($('call-name').value);
});

$('hangup').addEventListener('click', () => client?.hangUp());

$('play').addEventListener('click', () => {
  $('remote-video').play().then(() => { $('play').hidden = true; }).catch((err) => log('play failed', err));
});

// Leaving the page ends the call at once instead of leaving the other side waiting.
addEventListener('pagehide', () => client?.close());

if (dialect === 'tutorial') {
  $('login-hint').textContent = 'Choose a name. Others call you by typing it.';
}
if (params.get('name')) $('name').value = params.get('name');
showConnection({ state: 'idle' });
log('chat page ready, dialect', dialect);
