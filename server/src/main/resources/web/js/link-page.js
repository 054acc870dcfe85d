// What the apps that work by link (/room/, /share/) have in common: the start page (a new
// link, or one opened by name), the join form with the link to copy, the page's phases, and
// the connection pill. Element ids: #start-card #new-room #open-form #room-input, #join-card
// #room-title #room-link #copy-link #join-form #name #join, #left-card, #room-label,
// #connection; each app has its own main panel.

import { isRoomName, newRoomName, roomLink } from '/js/room-link.js';

const $ = (id) => document.getElementById(id);

const STATE_TEXT = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  open: 'Online',
  reconnecting: 'Reconnecting…',
  closed: 'Offline',
};

/** Shows a NativeSession state in #connection and body[data-connection]. */
export function showConnection({ state, delayMs }) {
  $('connection').dataset.state = state;
  document.body.dataset.connection = state;
  $('connection').textContent = state === 'reconnecting' && delayMs > 0
    ? `Connection lost: retrying in ${Math.max(1, Math.round(delayMs / 1000))} s`
    : STATE_TEXT[state] ?? state;
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
 * Wires the start page and the join form of `app` for `room` (null: the start page), and
 * calls `onJoin(name)` when the person joins. `?name=` (or the name used last time) fills
 * the form. Returns the phase the page starts in.
 */
export function wireLinkPage({ app, room, params, notice, onJoin, copyButtons = {} }) {
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
  showConnection({ state: 'idle' });
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
