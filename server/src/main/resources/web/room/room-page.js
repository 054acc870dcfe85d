// The room-call page: open /room/<room> on several devices and everyone is in one mesh call
// (up to the server's room capacity, six by default). All protocol work is in /js/junction.js
// (NativeSession, Room); this file turns its events into the page.
//
// Query parameters: ?name=<name> prefills the name; ?token=<jwt> is the access token (taken
// out of the address bar at once); ?relay=1 sends media only through TURN. Without a token the
// page asks a development server for one (POST /api/v1/dev/token) and else joins without one.

import { openCamera, Room } from '/js/junction.js';
import { openLinkPage, phaseSwitch, sessionFor, showSession, wireLinkPage } from '/js/link-page.js';
import { dismissNotices } from '/js/page.js';
import { VideoGrid } from '/room/video-grid.js';

const page = openLinkPage(); // first: it takes the token out of the address bar
const { log, notice } = page;
const $ = (id) => document.getElementById(id);
const grid = new VideoGrid($('grid'), log);
const setPhase = phaseSwitch('in-call', 'call');

/** The key of this page's own tile in the grid. */
const SELF = 'self';

let session = null;
let room = null;
let localStream = null;
/** What this page sends: false while muted / camera off. Told to the others in room messages. */
const sending = { audio: false, video: false };

/**
 * Read-only handle for tests and for debugging from the console. remoteVideoStats() reads
 * getStats() of every peer connection: call silence() first (TESTING.md: getStats with remote
 * audio playing unmuted has closed Chromium).
 */
Object.defineProperty(window, 'junctionRoom', {
  value: Object.freeze({
    get session() { return session; },
    get room() { return room; },
    snapshot() {
      return {
        phase: document.body.dataset.phase,
        connection: session?.state ?? 'idle',
        identity: session?.identity ?? null,
        room: page.room,
        members: room ? [...room.members.values()].map((m) => ({ identity: m.identity, name: m.name, state: m.state })) : [],
        stats: session ? { ...session.stats, ...session.sequenceFaults, lastSeq: session.lastSeq } : null,
      };
    },
    silence() { grid.silence(); },
    async remoteVideoStats() {
      const out = [];
      for (const member of room?.members.values() ?? []) {
        const pc = member.link?.pc;
        if (!pc || member.link.closed) continue;
        const video = { identity: member.identity, framesDecoded: 0, frameWidth: 0, frameHeight: 0 };
        for (const s of (await pc.getStats()).values()) {
          if (s.type === 'inbound-rtp' && s.kind === 'video') {
            Object.assign(video, { framesDecoded: s.framesDecoded ?? 0, frameWidth: s.frameWidth ?? 0, frameHeight: s.frameHeight ?? 0 });
          }
        }
        out.push(video);
      }
      return out;
    },
  }),
});

// --- joining and leaving ------------------------------------------------------------------

async function join(name) {
  setPhase('joining');
  localStream = await openLocalMedia();
  session = sessionFor(page, name);
  room = new Room(session, page.room, {
    stream: localStream,
    // Without a camera this page still sees and hears everyone.
    receiveOnly: localStream ? [] : ['audio', 'video'],
    iceTransportPolicy: page.iceTransportPolicy,
    log,
  });
  listen(session, room);
  grid.tile(SELF, name, true);
  if (localStream) grid.stream(SELF, localStream);
  grid.update(SELF, { audio: sending.audio, video: sending.video });
  try {
    await room.join();
  } catch (err) {
    notice('error', err.message, err.code);
    endCall();
    setPhase('ready');
    return;
  }
  setPhase('in-call');
  $('mute').disabled = !localStream?.getAudioTracks().length;
  $('camera').disabled = !localStream?.getVideoTracks().length;
  tellMediaState();
}

/** The camera and microphone, or null (the reason shown) when there are none to use. */
async function openLocalMedia() {
  try {
    const stream = await openCamera({ audio: true, video: true });
    sending.audio = stream.getAudioTracks().length > 0;
    sending.video = stream.getVideoTracks().length > 0;
    return stream;
  } catch (err) {
    notice('error', `${err.message} You join without camera and microphone and still see the others.`, err.code);
    sending.audio = sending.video = false;
    return null;
  }
}

function leave(reason) {
  room?.leave();
  endCall();
  $('left-reason').textContent = reason;
  setPhase('left');
}

/** Closes the session and the camera, and empties the page. */
function endCall() {
  session?.close();
  localStream?.getTracks().forEach((t) => t.stop());
  localStream = null;
  grid.clear();
  $('people').replaceChildren();
}

// --- events of the session and the room ---------------------------------------------------

const LEFT_TEXT = {
  left: 'left',
  timeout: 'lost the connection',
  kicked: 'was removed by an administrator',
  replaced: 'joined again from another device',
  restarted: 'is gone: this page had to reconnect from scratch',
};

function listen(s, r) {
  showSession(page, s, (message) => {
    if (document.body.dataset.phase === 'in-call') leave(message);
  });

  r.addEventListener('joined', (e) => {
    for (const member of e.detail.members) showMember(member);
    renderPeople();
  });
  r.addEventListener('peerjoined', (e) => {
    const { member } = e.detail;
    showMember(member);
    renderPeople();
    notice('info', `${member.name} joined.`, 'peer-joined');
    tellMediaState(member.identity);
  });
  r.addEventListener('peerleft', (e) => {
    const { member, reason } = e.detail;
    grid.remove(member.identity);
    renderPeople();
    notice('info', `${member.name} ${LEFT_TEXT[reason] ?? 'left'}.`, 'peer-left');
  });
  r.addEventListener('peerstate', (e) => {
    grid.update(e.detail.member.identity, { state: e.detail.member.state });
    renderPeople();
  });
  r.addEventListener('remotestream', (e) => grid.stream(e.detail.member.identity, e.detail.stream));
  r.addEventListener('linkstate', (e) => {
    grid.update(e.detail.member.identity, { link: e.detail.state });
    if (e.detail.state === 'connected') dismissNotices($('notices'), `link-${e.detail.member.identity}`);
  });
  r.addEventListener('message', (e) => {
    const { from, data } = e.detail;
    if (data?.kind === 'media') grid.update(from, { audio: data.audio !== false, video: data.video !== false });
  });
  r.addEventListener('error', (e) => {
    const member = e.detail.member;
    notice('error', e.detail.message, member ? `link-${member.identity}` : e.detail.code);
  });
  r.addEventListener('closed', (e) => {
    if (e.detail.reason === 'left') return;
    const text = e.detail.reason === 'closed-by-admin'
      ? 'An administrator closed this room.'
      : 'You are no longer in this room.';
    notice('error', text, `room-${e.detail.reason}`);
    leave(text);
  });
}

function showMember(member) {
  grid.tile(member.identity, member.name);
  grid.update(member.identity, { state: member.state, link: 'new' });
}

function renderPeople() {
  const items = [];
  const me = document.createElement('li');
  me.dataset.identity = session.identity ?? '';
  me.dataset.state = 'active';
  me.textContent = `${session.name} (you)`;
  items.push(me);
  for (const member of room.members.values()) {
    const li = document.createElement('li');
    li.dataset.identity = member.identity;
    li.dataset.state = member.state;
    li.textContent = member.state === 'reconnecting' ? `${member.name} (reconnecting…)` : member.name;
    items.push(li);
  }
  $('people').replaceChildren(...items);
  $('count').textContent = room.capacity ? `${items.length} of ${room.capacity}` : `${items.length}`;
}

// --- mute and camera ---------------------------------------------------------------------------

function toggle(kind) {
  const tracks = kind === 'audio' ? localStream?.getAudioTracks() : localStream?.getVideoTracks();
  if (!tracks?.length) return;
  sending[kind] = !sending[kind];
  // A disabled track sends silence or black frames: the peer connections stay as they are.
  tracks.forEach((t) => { t.enabled = sending[kind]; });
  $(kind === 'audio' ? 'mute' : 'camera').setAttribute('aria-pressed', String(!sending[kind]));
  $(kind === 'audio' ? 'mute' : 'camera').textContent = kind === 'audio'
    ? (sending.audio ? 'Mute' : 'Unmute')
    : (sending.video ? 'Camera off' : 'Camera on');
  grid.update(SELF, { audio: sending.audio, video: sending.video });
  tellMediaState();
}

/** Tells everyone (or one newcomer) whether this page is muted or has its camera off. */
function tellMediaState(to) {
  if (room?.state !== 'joined') return;
  room.send({ kind: 'media', audio: sending.audio, video: sending.video }, to);
}

// --- wiring --------------------------------------------------------------------------------------

$('mute').addEventListener('click', () => toggle('audio'));
$('camera').addEventListener('click', () => toggle('video'));
$('leave').addEventListener('click', () => leave('You left the call.'));
$('rejoin').addEventListener('click', () => location.reload());
// Leaving the page says bye: the others see you leave at once instead of "reconnecting".
addEventListener('pagehide', () => session?.close());

setPhase(wireLinkPage(page, { app: 'room', onJoin: join, copyButtons: { 'copy-call-link': 'call-link' } }));
