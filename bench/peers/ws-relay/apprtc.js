'use strict';
// Benchmark peer for Junction's AppRTC dialect: Google AppRTC's room server and Collider (its
// WebSocket relay) in one Node process, written the simplest fair way a tutorial would write them:
// Node's http module, the ws package, in-memory Maps. It speaks the wire protocol Junction speaks
// (docs/API.md, "AppRTC dialect") and answers as Junction does, so the benchmark's AppRTC client
// runs against both unchanged and the comparison is between two servers doing the same work.
//
// Routes, all under /apprtc (answers are JSON; room and client ids are 1 to 64 of [A-Za-z0-9_-],
// another id gets 404):
//   POST /join/<room>            rooms of 2: {"result":"SUCCESS","params":{...}} with the params
//                                Junction sends (client_id: 8 random digits, drawn again if the
//                                other client has them; is_initiator "true"/"false"; messages: what
//                                the first client posted while alone, then emptied; wss_url
//                                ws://<Host>/apprtc/collider/ws; pc_config with TURN REST
//                                credentials minted for this join); FULL when two are in
//   POST /message/<room>/<client> body: one message; kept in the sender's mailbox while it is alone,
//                                else sent on as Collider's send is. SUCCESS, UNKNOWN_ROOM,
//                                UNKNOWN_CLIENT or ERROR (empty body, too many waiting)
//   POST /leave/<room>/<client>  SUCCESS, UNKNOWN_ROOM or UNKNOWN_CLIENT. The other client, if
//                                registered, gets {"msg":"{\"type\":\"bye\"}","error":""}; the
//                                leaver's socket is closed with 1000
//   POST /v1alpha/iceconfig      {"iceServers":[...]}, freshly minted, as in pc_config
//   GET  /collider/status        {"upsec":s,"openws":n,"totalws":n,"wserrors":n}
//   GET  /collider/ws            Collider's WebSocket:
//     {"cmd":"register","roomid":R,"clientid":C}  binds the socket to a client that joined R and
//                                hands it what the other client queued; a later register as C
//                                takes over from an earlier socket (closed with 1000)
//     {"cmd":"send","msg":"<text>"}  {"msg":"<text>","error":""} to the other client, or queued
//                                while it is not registered
//     a refusal is {"msg":"","error":"<text>"} with Junction's texts, and the socket stays open
//     (a binary frame is refused so too, where Junction closes with 1003)
//
// TURN credentials follow coturn's REST scheme (use-auth-secret), as Junction mints them: username
// "<expiry unix seconds>:<caller's address>", credential base64(HMAC-SHA1(secret, username)). The
// peer runs no TURN server: the URLs name one a deployment would run beside it with the same
// secret (TURN_SECRET, random when unset; TURN_PORT, 3478).
//
// Left out because the benchmark never exercises them, which only spares the peer work: Junction's
// register timeout and roaming grace (its clients register at once and leave over HTTP, so neither
// timer ever fires; the peer keeps no deadlines and runs no sweep), GET /params, Collider's HTTP
// POST and DELETE, the room limit, CORS and per-request logs.
//
// Usage: node apprtc.js [port]   (or PORT=...; listens on 127.0.0.1; port 0 takes a free one, which
// the "listening on" line names); GET /healthz answers 200.

const crypto = require('crypto');
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || process.env.PORT || 6505);
const host = process.env.HOST || '127.0.0.1';
const BASE = '/apprtc';
const COLLIDER_WS = `${BASE}/collider/ws`;
const TURN_SECRET = process.env.TURN_SECRET || crypto.randomBytes(24).toString('base64');
const TURN_PORT = Number(process.env.TURN_PORT || 3478);
const CREDENTIAL_TTL_S = 3600;
// Junction's defaults: signaling.maxFrameBytes, apprtc.maxQueuedMessages and apprtc.maxQueuedBytes
const MAX_MESSAGE_BYTES = 65536;
const MAX_WAITING_MESSAGES = 1024;
const MAX_WAITING_CHARS = 262144;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const isId = (value) => typeof value === 'string' && ID.test(value);
const BYE = JSON.stringify({ type: 'bye' });

const startedAt = process.hrtime.bigint();
const rooms = new Map(); // room id -> array of the (at most 2) clients, in join order
const counters = { openws: 0, totalws: 0, wserrors: 0 };

// ---- rooms ---------------------------------------------------------------------------------------

function newClient(id, initiator) {
  // mailbox: posted over HTTP while alone, for the second client's join answer;
  // queue: sent while the other client had no socket, flushed when it registers
  return { id, initiator, ws: null, mailbox: newWaiting(), queue: newWaiting() };
}

function newWaiting() {
  return { messages: [], chars: 0 };
}

function wait(waiting, text) {
  if (waiting.messages.length >= MAX_WAITING_MESSAGES || waiting.chars + text.length > MAX_WAITING_CHARS) return false;
  waiting.messages.push(text);
  waiting.chars += text.length;
  return true;
}

function drain(waiting) {
  const messages = waiting.messages;
  waiting.messages = [];
  waiting.chars = 0;
  return messages;
}

function drawClientId(members) {
  let id;
  do id = String(crypto.randomInt(100000000)).padStart(8, '0');
  while (members.some((m) => m.id === id));
  return id;
}

function otherThan(members, client) {
  return members.find((m) => m !== client);
}

function colliderMessage(text) {
  return JSON.stringify({ msg: text, error: '' });
}

/** Sends text from `sender` to the other client; false when it had to wait and the queue is full. */
function forward(members, sender, text) {
  const recipient = otherThan(members, sender);
  if (recipient !== undefined && recipient.ws !== null) {
    recipient.ws.send(colliderMessage(text));
    return true;
  }
  return wait(sender.queue, text);
}

function removeClient(roomId, members, client) {
  members.splice(members.indexOf(client), 1);
  if (client.ws !== null) {
    const ws = client.ws;
    unbind(client);
    ws.close(1000, 'left the room');
  }
  const other = members[0];
  if (other !== undefined) {
    other.initiator = true;
    drain(other.queue); // what it had sent the leaver is dropped
    if (other.ws !== null) other.ws.send(colliderMessage(BYE));
  } else {
    rooms.delete(roomId);
  }
}

/** The client's socket is no longer registered as it (left, replaced or closed). */
function unbind(client) {
  client.ws.client = null;
  client.ws = null;
  counters.openws--;
}

// ---- the answers ---------------------------------------------------------------------------------

/** The built-in TURN server with credentials minted for this caller, as Junction's /api/ice-servers. */
function iceServers(req, hostname) {
  // the caller's address names the credential, as Junction's does (a ':' would end the expiry)
  const caller = (req.socket.remoteAddress || '').replace(/:/g, '-');
  const username = `${Math.floor(Date.now() / 1000) + CREDENTIAL_TTL_S}:${caller}`;
  const credential = crypto.createHmac('sha1', TURN_SECRET).update(username).digest('base64');
  const turn = `turn:${hostname}:${TURN_PORT}`;
  return [
    { urls: [`stun:${hostname}:${TURN_PORT}`] },
    { urls: [`${turn}?transport=udp`, `${turn}?transport=tcp`], username, credential },
  ];
}

/** apprtc.py's params, in Junction's order: structures as JSON text, booleans as "true"/"false". */
function joinParams(req, url, roomId, client, messages) {
  const authority = req.headers.host || `${host}:${port}`;
  return {
    error_messages: [],
    warning_messages: [],
    is_loopback: 'false',
    pc_config: JSON.stringify({
      iceServers: iceServers(req, hostnameOf(authority)),
      bundlePolicy: 'max-bundle',
      rtcpMuxPolicy: 'require',
    }),
    pc_constraints: JSON.stringify({ optional: [] }),
    offer_options: '{}',
    media_constraints: JSON.stringify({ audio: true, video: true }),
    ice_server_url: `http://${authority}${BASE}/v1alpha/iceconfig`,
    ice_server_transports: url.searchParams.get('tt') || '',
    wss_url: `ws://${authority}${COLLIDER_WS}`,
    wss_post_url: `http://${authority}${BASE}/collider`,
    bypass_join_confirmation: 'false',
    version_info: 'null',
    room_id: roomId,
    room_link: `http://${authority}${BASE}/r/${roomId}`,
    client_id: client.id,
    is_initiator: String(client.initiator),
    messages,
  };
}

/** The host of a Host header without its port ("[::1]:80" -> "[::1]"). */
function hostnameOf(authority) {
  return authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.split(':')[0];
}

// ---- HTTP ----------------------------------------------------------------------------------------

function join(req, res, url, roomId) {
  let members = rooms.get(roomId);
  if (members === undefined) {
    members = [];
    rooms.set(roomId, members);
  }
  if (members.length >= 2) return json(res, 200, { result: 'FULL', params: { messages: [] } });
  const client = newClient(drawClientId(members), members.length === 0);
  const messages = client.initiator ? [] : drain(members[0].mailbox);
  members.push(client);
  json(res, 200, { result: 'SUCCESS', params: joinParams(req, url, roomId, client, messages) });
}

function message(res, roomId, clientId, text) {
  const members = rooms.get(roomId);
  if (members === undefined) return json(res, 200, { result: 'UNKNOWN_ROOM', error: `no room ${roomId}` });
  const sender = members.find((m) => m.id === clientId);
  if (sender === undefined) {
    return json(res, 200, { result: 'UNKNOWN_CLIENT', error: `no client ${clientId} in room ${roomId}` });
  }
  if (text.length === 0) return json(res, 200, { result: 'ERROR', error: 'the request body must be the message' });
  const kept = members.length === 1 ? wait(sender.mailbox, text) : forward(members, sender, text);
  if (!kept) return json(res, 200, { result: 'ERROR', error: 'too many messages are waiting for the other client' });
  json(res, 200, { result: 'SUCCESS' });
}

function leave(res, roomId, clientId) {
  const members = rooms.get(roomId);
  if (members === undefined) return json(res, 200, { result: 'UNKNOWN_ROOM' });
  const client = members.find((m) => m.id === clientId);
  if (client === undefined) return json(res, 200, { result: 'UNKNOWN_CLIENT' });
  removeClient(roomId, members, client);
  json(res, 200, { result: 'SUCCESS' });
}

function status(res) {
  const upsec = Number(process.hrtime.bigint() - startedAt) / 1e9;
  json(res, 200, { upsec, openws: counters.openws, totalws: counters.totalws, wserrors: counters.wserrors });
}

function json(res, code, body) {
  reply(res, code, 'application/json', body);
}

/** A refusal that is no AppRTC answer, in Junction's problem+json shape. */
function problem(res, code, title, detail, path) {
  reply(res, code, 'application/problem+json', { type: 'about:blank', title, status: code, detail, instance: path });
}

function reply(res, code, type, body) {
  const text = JSON.stringify(body);
  // with its length given, as Junction's, the answer is one body rather than chunks
  res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads the request body as text, up to MAX_MESSAGE_BYTES (413 beyond), then calls then(text). */
function readBody(req, res, path, then) {
  const chunks = [];
  let length = 0;
  req.on('data', (chunk) => {
    length += chunk.length;
    if (length <= MAX_MESSAGE_BYTES) chunks.push(chunk);
  });
  req.on('end', () => guarded(req, res, () => {
    if (length > MAX_MESSAGE_BYTES) {
      problem(res, 413, 'Payload Too Large', `a message is at most ${MAX_MESSAGE_BYTES} bytes`, path);
    } else {
      then(Buffer.concat(chunks).toString());
    }
  }));
  req.on('error', () => {});
}

/** Runs an HTTP handler so that a bug in it costs this request, not the process and every session. */
function guarded(req, res, handler) {
  try {
    handler();
  } catch (e) {
    console.error(e);
    if (!res.headersSent) problem(res, 500, 'Internal Server Error', 'the peer failed on this request', req.url);
    else res.destroy();
  }
}

// verb -> [how many ids follow it in the path, its method]
const ROUTES = { join: [1, 'POST'], message: [2, 'POST'], leave: [2, 'POST'] };

function route(req, res) {
  const url = new URL(req.url, 'http://peer');
  const path = url.pathname;
  if (path === '/healthz') return res.writeHead(200).end();
  if (path === `${BASE}/collider/status` && req.method === 'GET') return status(res);
  if (path === `${BASE}/v1alpha/iceconfig` && req.method === 'POST') {
    return json(res, 200, { iceServers: iceServers(req, hostnameOf(req.headers.host || host)) });
  }
  const [verb, ...ids] = path.startsWith(`${BASE}/`) ? path.slice(BASE.length + 1).split('/') : [];
  const shape = ROUTES[verb];
  if (shape === undefined || ids.length !== shape[0]) return problem(res, 404, 'Not Found', `no route ${path}`, path);
  if (req.method !== shape[1]) {
    res.setHeader('Allow', shape[1]);
    return problem(res, 405, 'Method Not Allowed', `${path} takes ${shape[1]}`, path);
  }
  const bad = ids.find((id) => !isId(id));
  if (bad !== undefined) {
    const detail = `room and client ids are 1 to 64 letters, digits, '-' or '_', got "${bad}"`;
    return problem(res, 404, 'Not Found', detail, path);
  }
  if (verb === 'join') join(req, res, url, ids[0]);
  else if (verb === 'leave') leave(res, ids[0], ids[1]);
  else readBody(req, res, path, (text) => message(res, ids[0], ids[1], text));
}

const server = http.createServer((req, res) => guarded(req, res, () => route(req, res)));
// The client closes idle keep-alive connections after 60 s; keeping them longer here means a
// request never races the server's close of its connection.
server.keepAliveTimeout = 65000;

// ---- Collider ------------------------------------------------------------------------------------

const wss = new WebSocketServer({ server, path: COLLIDER_WS, maxPayload: MAX_MESSAGE_BYTES });

function refuse(ws, error) {
  counters.wserrors++;
  ws.send(JSON.stringify({ msg: '', error }));
}

function register(ws, command) {
  if (ws.client !== null) return refuse(ws, 'Duplicated register request');
  const { roomid: roomId, clientid: clientId } = command;
  if (!isId(roomId) || !isId(clientId)) {
    return refuse(ws, "Invalid register request: missing 'clientid' or 'roomid'");
  }
  const members = rooms.get(roomId) || [];
  const client = members.find((m) => m.id === clientId);
  if (client === undefined) {
    return refuse(ws, `Unknown client ${clientId} in room ${roomId}: join the room before registering`);
  }
  if (client.ws !== null) {
    const previous = client.ws;
    unbind(client);
    previous.close(1000, 'another socket registered as this client');
  }
  client.ws = ws;
  ws.client = client;
  ws.roomId = roomId;
  counters.openws++;
  counters.totalws++;
  const other = otherThan(members, client);
  if (other !== undefined) for (const text of drain(other.queue)) ws.send(colliderMessage(text));
}

function send(ws, command) {
  if (ws.client === null) return refuse(ws, 'Client not registered');
  if (typeof command.msg !== 'string' || command.msg.length === 0) {
    return refuse(ws, "Invalid send request: missing 'msg'");
  }
  const members = rooms.get(ws.roomId);
  if (!forward(members, ws.client, command.msg)) refuse(ws, 'Too many messages queued for the client');
}

wss.on('connection', (ws) => {
  ws.client = null; // the client this socket is registered as, until it leaves or another socket takes over

  ws.on('message', (data, isBinary) => {
    if (isBinary) return refuse(ws, 'Invalid message: Collider takes JSON text frames');
    let command;
    try {
      command = JSON.parse(data.toString());
    } catch (e) {
      return refuse(ws, `Invalid JSON: ${e.message}`);
    }
    const cmd = command !== null && typeof command === 'object' ? command.cmd : undefined;
    if (cmd === 'register') register(ws, command);
    else if (cmd === 'send') send(ws, command);
    else refuse(ws, "Invalid message: unexpected 'cmd'");
  });

  ws.on('close', () => {
    // the client keeps its seat (no roaming timer, see above) until it leaves over HTTP
    if (ws.client !== null) unbind(ws.client);
  });
  ws.on('error', () => {});
});

server.listen(port, host, () => {
  console.log(`apprtc peer listening on http://${host}:${server.address().port}${BASE} ` +
    `(ws ${require('ws/package.json').version}, node ${process.version})`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
