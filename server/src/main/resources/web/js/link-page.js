// What the apps that work by link (/room/, /share/) have in common: the start page (a new
// link, or one opened by name), the join form with the link to copy, the page's phases, and
// the connection pill. Element ids: #start-card #new-room #open-form #room-input, #join-card
// #room-title #room-link #copy-link #join-form #name #join, #left-card, #room-label,
// #connection (page.js); each app has its own main panel.

import { devTokenSource, NativeSession, tokenFromAddressBar } from '/js/junction.js';
import { dismissNotices, notice as showNotice, pageLog, showConnectionPill } from '/js/page.js';
import { isRoomName, newRoomName, roomFromPath, roomLink, tabIdentity } from '/js/room-link.js';

const $ = (id) => document.getElementById(id);

/**
 * What a page by link reads at start: `token` (taken out of the address bar before anything
 * else can see it), the query `params`, `iceTransportPolicy` (?relay=1: TURN only), the `room`
 * of the path, and the page's `log` and `notice(kind, message, code)`.
 */
export function openLinkPage() {
  const token = tokenFromAddressBar();
  const params = new URLSearchParams(location.search);
  return {
    token,
    params,
    iceTransportPolicy: params.get('relay') === '1' ? 'relay' : 'all',
    room: roomFromPath(),
    log: pageLog(),
    notice: (kind, message, code) => showNotice($('notices'), kind, message, code),
  };
}

/**
 * The session of a person joining as `name`: with the link's token, else one a development
 * server mints for this room, else none.
 */
export function sessionFor(page, name) {
  const identity = tabIdentity(name);
  const claims = () => ({ identity, name, room: page.room });
  return new NativeSession({ identity, name, token: page.token ?? devTokenSource(location.origin, claims, page.log), log: page.log });
}

/**
 * Shows the session's state in the pill, and its errors and the operator's messages (admin API
 * `server-message`: a string, or an object with `text`) as notices; `onFatal(message)` once it is over.
 */
export function showSession(page, session, onFatal) {
  session.addEventListener('frame', ({ detail: { frame } }) => {
    if (frame.type !== 'server-message') return;
    const text = typeof frame.data === 'string' ? frame.data : frame.data?.text;
    if (typeof text === 'string' && text) page.notice('info', `Message from the operator: ${text}`, 'server-message');
  });
  let wasOpen = false;
  session.addEventListener('state', (e) => {
    showConnectionPill(e.detail);
    if (e.detail.state === 'open' && wasOpen) {
      dismissNotices($('notices'), 'signaling-lost');
      page.notice('info', 'Reconnected to the server.', 'reconnected');
    }
    if (e.detail.state === 'open') wasOpen = true;
  });
  session.addEventListener('error', (e) => {
    page.notice('error', e.detail.message, e.detail.code);
    if (e.detail.fatal) onFatal(e.detail.message);
  });
}

/**
 * The page's phases, in body[data-phase]: start (no room in the link), ready and joining (the
 * join form), `mainPhase` (the app's panel `mainPanel`), left.
 */
export function phaseSwitch(mainPhase, mainPanel) {
  return (phase) => {
    document.body.dataset.phase = phase;
    $('start-card').hidden = phase !== 'start';
    $('join-card').hidden = phase !== 'ready' && phase !== 'joining';
    $('join').disabled = phase === 'joining';
    $(mainPanel).hidden = phase !== mainPhase;
    $('left-card').hidden = phase !== 'left';
  };
}

/**
 * Wires the start page and the join form of `app` for the page's room (none: the start page),
 * and calls `onJoin(name)` when the person joins. `?name=` (or the name used last time) fills
 * the form. Returns the phase the page starts in.
 */
export function wireLinkPage(page, { app, onJoin, copyButtons = {} }) {
  const { room, params, notice } = page;
  $('new-room').addEventListener('click', () => location.assign(roomLink(app, newRoomName())));
  $('open-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $('room-input').value.trim();
    if (isRoomName(name)) location.assign(roomLink(app, name));
    else notice('error', 'A name is 1 to 64 letters, digits, "-" or "_".', 'bad-room');
  });
  $('join-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $('name').value.trim();
    if (!name) return;
    localStorage.setItem('junction.name', name);
    onJoin(name);
  });
  for (const [button, input] of Object.entries({ 'copy-link': 'room-link', ...copyButtons })) {
    $(button).addEventListener('click', () => copyLink($(input), notice));
  }
  showConnectionPill({ state: 'idle' });
  page.log(`${app} page ready`, room ?? '(no room)');
  if (!room) return 'start';

  $('room-title').textContent = `${$('room-title').textContent} ${room}`;
  $('room-label').textContent = room;
  $('room-label').hidden = false;
  for (const input of ['room-link', ...Object.values(copyButtons)]) $(input).value = roomLink(app, room);
  $('name').value = params.get('name') ?? localStorage.getItem('junction.name') ?? '';
  $('name').focus();
  return 'ready';
}

function copyLink(input, notice) {
  input.select();
  navigator.clipboard?.writeText(input.value).then(
    () => notice('info', 'Link copied.', 'copied'),
    () => notice('info', 'Select the link and copy it.', 'copy-failed'));
}
