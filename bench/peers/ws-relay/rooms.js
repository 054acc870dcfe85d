'use strict';
// Benchmark peer for Junction's rooms: the ws relay of relay.js extended with named rooms, in the
// simplest fair way a tutorial server would do it: one Map room name -> Set of sockets, JSON.parse
// to route, and a room message forwarded as the original text (not re-serialized) to every other
// member. It keeps no queues, no acknowledgements, no sequence numbers and no resume: everything
// Junction's native protocol does on top is work the peer is spared.
//
// Protocol (JSON text frames; any subprotocol offered is accepted, the first one is selected):
//   {"type":"join","room":"r1","name":"alice"}
//       -> to the joiner: {"type":"joined","room":"r1","members":["bob",...]} (the others, join order)
//       -> to the others: {"type":"peer-joined","room":"r1","name":"alice"}
//       (a join of a room the socket is in already is ignored)
//   {"type":"leave","room":"r1"}
//       -> no answer; to the others: {"type":"peer-left","room":"r1","name":"alice"}
//   {"type":"message","room":"r1",...}   (the sender must be in r1)
//       -> the text unchanged to every other member of r1
//   a dropped connection leaves its rooms as a leave does
//   anything else is ignored, as relay.js does.
//
// Usage: node rooms.js [port]   (or PORT=...; listens on 127.0.0.1); GET /healthz answers 200.

const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || process.env.PORT || 6504);
const host = process.env.HOST || '127.0.0.1';

const rooms = new Map(); // room name -> Set of sockets, in join order

const server = http.createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404);
  res.end();
});

const wss = new WebSocketServer({ server });

function join(ws, room, name) {
  if (ws.rooms.has(room)) return;
  let members = rooms.get(room);
  if (members === undefined) {
    members = new Set();
    rooms.set(room, members);
  }
  const names = [];
  for (const m of members) names.push(m.name);
  const notice = JSON.stringify({ type: 'peer-joined', room, name });
  for (const m of members) m.send(notice);
  members.add(ws);
  ws.rooms.add(room);
  ws.send(JSON.stringify({ type: 'joined', room, members: names }));
}

function leave(ws, room) {
  if (!ws.rooms.delete(room)) return;
  const members = rooms.get(room);
  members.delete(ws);
  if (members.size === 0) {
    rooms.delete(room);
    return;
  }
  const notice = JSON.stringify({ type: 'peer-left', room, name: ws.name });
  for (const m of members) m.send(notice);
}

function leaveAll(ws) {
  for (const room of ws.rooms) leave(ws, room); // deleting the current entry of a Set keeps the iteration going
}

wss.on('connection', (ws) => {
  ws.rooms = new Set();
  ws.name = undefined;

  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const text = data.toString();
    let msg;
    try {
      msg = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (msg === null || typeof msg !== 'object' || typeof msg.room !== 'string') return;

    if (msg.type === 'join') {
      if (ws.name === undefined) ws.name = String(msg.name);
      join(ws, msg.room, ws.name);
    } else if (msg.type === 'leave') {
      leave(ws, msg.room);
    } else if (msg.type === 'message' && ws.rooms.has(msg.room)) {
      for (const m of rooms.get(msg.room)) if (m !== ws) m.send(text);
    }
  });

  ws.on('close', () => leaveAll(ws));
  ws.on('error', () => {});
});

server.listen(port, host, () => {
  console.log(`ws-rooms listening on ws://${host}:${server.address().port}/ (ws ${require('ws/package.json').version}, node ${process.version})`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
