// The STUN and TURN fields of the XProtect sample (one STUN, one TURN with username and
// credential) and RTCConfiguration.iceServers, both ways. Fields take several URLs separated by
// spaces or commas, so the three URLs of Junction's TURN server (UDP, TCP, TLS) fit one field.

const splitUrls = (text) => String(text ?? '').split(/[\s,]+/).filter(Boolean);
const urlsOf = (server) => (Array.isArray(server.urls) ? server.urls : [server.urls ?? server.url]).filter(Boolean);

/**
 * Fields from an iceServers list (e.g. `GET /api/ice-servers`): every STUN URL, and the URLs
 * and credentials of the first TURN server (a second TURN server would need other credentials).
 */
export function iceFields(iceServers) {
  const fields = { stun: [], turn: [], turnUsername: '', turnCredential: '' };
  for (const server of iceServers ?? []) {
    const urls = urlsOf(server);
    fields.stun.push(...urls.filter((u) => /^stuns?:/i.test(u)));
    const turn = urls.filter((u) => /^turns?:/i.test(u));
    if (turn.length && !fields.turn.length) {
      fields.turn = turn;
      fields.turnUsername = server.username ?? '';
      fields.turnCredential = server.credential ?? '';
    }
  }
  return { ...fields, stun: fields.stun.join(' '), turn: fields.turn.join(' ') };
}

/**
 * The iceServers list for the fields; empty fields give no entry. Throws an Error that names
 * the field when a URL has the wrong scheme or TURN lacks its credentials, which browsers
 * would otherwise refuse with a less helpful message.
 */
export function iceServersFrom({ stun, turn, turnUsername, turnCredential }) {
  const servers = [];
  const stunUrls = splitUrls(stun);
  const bad = stunUrls.find((u) => !/^stuns?:/i.test(u));
  if (bad) throw new Error(`The STUN field holds "${bad}": STUN URLs start with stun: (e.g. stun:host:3478).`);
  if (stunUrls.length) servers.push({ urls: stunUrls });
  const turnUrls = splitUrls(turn);
  const badTurn = turnUrls.find((u) => !/^turns?:/i.test(u));
  if (badTurn) throw new Error(`The TURN field holds "${badTurn}": TURN URLs start with turn: or turns:.`);
  if (turnUrls.length) {
    if (!turnUsername || !turnCredential) throw new Error('A TURN server needs its username and password.');
    servers.push({ urls: turnUrls, username: turnUsername, credential: turnCredential });
  }
  return servers;
}
