// What every Junction app page needs besides its own logic: a log that people (console) and
// browser tests (window.__log) can read, notices that show every error to the person, and the
// connection pill.

/**
 * Creates `window.__log` (an array of "HH:MM:SS.mmm text" lines, the oldest dropped past 3000)
 * and returns the function that appends to it and to the console. Objects are logged as JSON
 * with SDP and other long strings replaced by their length, so the log stays readable.
 */
export function pageLog() {
  const lines = [];
  Object.defineProperty(window, '__log', { value: lines });
  return (...parts) => {
    const text = parts.map(logText).join(' ');
    lines.push(`${new Date().toISOString().slice(11, 23)} ${text}`);
    if (lines.length > 3000) lines.splice(0, 1000);
    console.debug(text);
  };
}

function logText(part) {
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  if (typeof part !== 'object' || part === null) return String(part);
  try {
    return JSON.stringify(part, (k, v) => (typeof v === 'string' && (k === 'sdp' || v.length > 300) ? `<${v.length} chars>` : v));
  } catch {
    return String(part);
  }
}

/**
 * Shows a notice in `box` (the page's `#notices`): kind 'error' stays until dismissed, 'info'
 * fades after 8 s. `code` is a stable machine-readable name, kept in `data-code` for tests and
 * for `dismissNotices`. At most six notices are shown; the oldest go first.
 */
export function notice(box, kind, message, code = '') {
  const el = document.createElement('div');
  el.className = `notice ${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  el.dataset.code = code;
  const p = document.createElement('p');
  p.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => el.remove());
  el.append(p, close);
  box.append(el);
  while (box.children.length > 6) box.firstElementChild.remove();
  if (kind !== 'error') setTimeout(() => el.remove(), 8000);
  return el;
}

/** Removes the notices of `box` with this code (e.g. an error that no longer holds). */
export function dismissNotices(box, code) {
  box.querySelectorAll(`.notice[data-code="${code}"]`).forEach((el) => el.remove());
}

const CONNECTION_TEXT = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  open: 'Online',
  reconnecting: 'Reconnecting…',
  closed: 'Offline',
};

/**
 * Shows a signaling connection state (idle, connecting, open, reconnecting, closed) in the
 * page's #connection pill and body[data-connection]; while reconnecting, the countdown.
 */
export function showConnectionPill({ state, delayMs }) {
  const pill = document.getElementById('connection');
  pill.dataset.state = state;
  document.body.dataset.connection = state;
  pill.textContent = state === 'reconnecting' && delayMs > 0
    ? `Connection lost: retrying in ${Math.max(1, Math.round(delayMs / 1000))} s`
    : CONNECTION_TEXT[state] ?? state;
}
