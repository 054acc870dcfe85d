// Reconnect delays shared by every socket of the library.

/** Start at 0.5 s, double, cap at 10 s, then jitter (see backoffDelay). */
const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 10_000;

/**
 * "Equal jitter" backoff: half of the exponential delay is fixed, half random. Fixed so a
 * dead server is not hammered; random so a restarted server does not get every client back
 * in the same millisecond.
 */
export function backoffDelay(attempt) {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
