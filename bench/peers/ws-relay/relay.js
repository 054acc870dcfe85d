'use strict';
// Benchmark peer for Junction: the MDN "webrtc-from-chat" wire protocol on the `ws` package,
// written the way the tutorial signaling servers are (one process, one Map name -> socket,
// JSON.parse to route). It is deliberately minimal, but not handicapped: lookups are O(1) and a
// relayed message is forwarded as the original text, not re-serialized.
//
// Protocol (bench/README and /work/shared/specs/signaling-anchors.md §1):
//   on connect        -> {"type":"id","id":N}
//   {"type":"username","name":..} -> store the name (suffix a counter if taken and reply
//                        rejectusername), then send {"type":"userlist","users":[...]} to everyone
//   any message with a target -> that user's socket, unchanged (dropped if unknown)
//   any other message -> every socket, sender included
//
// Usage: node relay.js [port]   (or PORT=...; listens on 127.0.0.1)

const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || process.env.PORT || 6503);
const host = process.env.HOST || '127.0.0.1';

let nextId = Date.now();
let nameCounter = 1;
const byName = new Map(); // username -> socket
const clients = new Set(); // every open socket, logged in or not

const server = http.createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404);
  res.end();
});

const wss = new WebSocketServer({
  server,
  handleProtocols: (protocols) => (protocols.has('json') ? 'json' : false),
});

function sendUserListToAll() {
  const users = [];
  for (const ws of clients) users.push(ws.username === undefined ? null : ws.username);
  const text = JSON.stringify({ type: 'userlist', users });
  for (const ws of clients) ws.send(text);
}

wss.on('connection', (ws) => {
  ws.clientId = nextId++;
  clients.add(ws);
  ws.send(JSON.stringify({ type: 'id', id: ws.clientId }));

  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const text = data.toString();
    let msg;
    try {
      msg = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (msg === null || typeof msg !== 'object') return;

    if (msg.type === 'username') {
      let name = String(msg.name);
      const original = name;
      while (byName.has(name) && byName.get(name) !== ws) name = original + nameCounter++;
      if (ws.username !== undefined && byName.get(ws.username) === ws) byName.delete(ws.username);
      ws.username = name;
      byName.set(name, ws);
      if (name !== original) ws.send(JSON.stringify({ type: 'rejectusername', id: ws.clientId, name }));
      sendUserListToAll();
      return;
    }

    if (typeof msg.target === 'string' && msg.target.length > 0) {
      const to = byName.get(msg.target);
      if (to !== undefined) to.send(text);
    } else {
      for (const c of clients) c.send(text);
    }
  });

  ws.on('close', () => {
    clients.delete(ws);
    if (ws.username !== undefined && byName.get(ws.username) === ws) byName.delete(ws.username);
    // MDN also resends the user list on every disconnect; the benchmark only measures the steady
    // state and closes everything at the end, so the peer skips that O(N^2) teardown storm.
  });
  ws.on('error', () => {});
});

server.listen(port, host, () => {
  console.log(`ws-relay listening on ws://${host}:${server.address().port}/ (ws ${require('ws/package.json').version}, node ${process.version})`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
