// Room links shared by the apps that work by link (/room/<name>, /share/<name>), and the
// identity a person has on this server while a tab is open.

/** The native protocol's rule for room names. */
const ROOM_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The room of a link `/<app>/<room>`, or null on the app's start page (`/<app>/`). The server
 * serves the page only for valid room names; anything else on the path counts as no room.
 */
export function roomFromPath(pathname = location.pathname) {
  const segment = decodeURIComponent(pathname.split('/').filter(Boolean)[1] ?? '');
  return ROOM_NAME.test(segment) ? segment : null;
}

export function isRoomName(name) {
  return ROOM_NAME.test(name);
}

/** The link of `room` in `app` on this server. */
export function roomLink(app, room) {
  return `${location.origin}/${app}/${encodeURIComponent(room)}`;
}

/** A fresh room name that is hard to guess: three groups of letters, like "kqd-wmfa-zrt". */
export function newRoomName() {
  const letters = 'abcdefghijkmnpqrstuvwxyz';
  const random = crypto.getRandomValues(new Uint8Array(10));
  const pick = (from, to) => [...random.slice(from, to)].map((b) => letters[b % letters.length]).join('');
  return `${pick(0, 3)}-${pick(3, 7)}-${pick(7, 10)}`;
}

/**
 * The identity this tab uses on the server: the name reduced to the characters identities
 * allow, plus a random tag kept for the life of the tab. Two people may choose the same name;
 * a reload keeps the identity, so it takes over its own lingering session rather than showing
 * a ghost of itself to the others.
 */
export function tabIdentity(name) {
  const KEY = 'junction.tab';
  let tag = sessionStorage.getItem(KEY);
  if (!tag) {
    tag = [...crypto.getRandomValues(new Uint8Array(3))].map((b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem(KEY, tag);
  }
  const base = String(name).normalize('NFKD').replace(/[^A-Za-z0-9._@-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${base || 'guest'}-${tag}`;
}
