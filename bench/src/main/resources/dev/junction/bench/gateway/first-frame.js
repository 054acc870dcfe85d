// One viewer start in the page, timed with performance.now(): the XProtect flow on this origin
// (session and offer, answer PATCHed without awaiting it, as the XProtect sample does), then the
// first frame the <video> presents (requestVideoFrameCallback). Run by FirstFrame through
// executeAsyncScript: arguments are the camera id, the bearer token, the timeout in ms and the
// callback, which gets a JSON string of the timings (ms from the PATCH) or of the error.
const [camera, token, timeoutMs, done] = arguments;
const api = '/api/REST/v1/WebRTC';
const headers = {'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'};
const marks = {};
let pc, video, sessionId;

async function call(method, path, body) {
  const response = await fetch(api + path, {method, headers, body: body && JSON.stringify(body)});
  if (!response.ok) throw new Error(method + ' ' + path + ': HTTP ' + response.status + ' ' + await response.text());
  return response.status === 204 ? null : response.json();
}

function firstFrame() {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no frame within ' + timeoutMs + ' ms')), timeoutMs);
    video.requestVideoFrameCallback((now, metadata) => {
      clearTimeout(timer);
      resolve({presented: metadata.presentationTime, callback: now, width: metadata.width, height: metadata.height});
    });
  });
}

async function framesDecoded() {
  for (const report of (await pc.getStats()).values()) {
    if (report.type === 'inbound-rtp' && report.kind === 'video') return report.framesDecoded || 0;
  }
  return 0;
}

(async () => {
  const created = await call('POST', '/Session', {deviceId: camera, resolution: 'notInUse'});
  sessionId = created.sessionId;
  pc = new RTCPeerConnection({iceServers: []});
  video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  document.body.appendChild(video);
  pc.ontrack = event => { video.srcObject = event.streams[0] || new MediaStream([event.track]); };
  pc.oniceconnectionstatechange = () => {
    if (pc.iceConnectionState === 'connected' && marks.ice === undefined) marks.ice = performance.now();
  };
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'connected' && marks.dtls === undefined) marks.dtls = performance.now();
  };
  await pc.setRemoteDescription(JSON.parse(created.offerSDP));
  await pc.setLocalDescription(await pc.createAnswer());
  const frame = firstFrame();
  const patch = performance.now();
  const answered = call('PATCH', '/Session/' + sessionId, {answerSDP: JSON.stringify(pc.localDescription)})
      .then(() => { marks.answered = performance.now(); });
  const first = await frame;
  await answered;
  const decoded = await framesDecoded();
  const since = t => t === undefined ? null : t - patch;
  return {firstFrame: since(first.presented), callback: since(first.callback), answered: since(marks.answered),
      ice: since(marks.ice), dtls: since(marks.dtls), width: first.width, height: first.height, decoded};
})().then(
    result => done(JSON.stringify(result)),
    error => done(JSON.stringify({error: String(error)}))
).finally(() => {
  if (pc) pc.close();
  if (video) video.remove();
  if (sessionId) fetch(api + '/Session/' + sessionId, {method: 'DELETE', headers}).catch(() => {});
});
