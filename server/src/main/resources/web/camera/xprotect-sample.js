// The call pattern of Milestone's XProtect WebRTC JavaScript sample (REST signaling, 2025 R2),
// rebuilt from its description in specs/xprotect-webrtc-api.md §2 — not the camera viewer's
// tidier order. It exists to prove the gateway copes with what the real sample does:
//
//   - the answer chain (createAnswer → setLocalDescription → PATCH answerSDP) is not awaited;
//   - the first GET of the gateway's candidates starts right after it, before the PATCH is done;
//   - each local candidate is POSTed as soon as the browser finds it, racing the PATCH;
//   - after each GET, the next one follows 20 ms later while ICE is new or checking; three
//     failed GETs in a row end the polling;
//   - the token (VmsClient, refresh_token grant) is renewed at expires_in - 60 s and PATCHed;
//     (halfway through for a token shorter than two minutes, so test tokens do not loop);
//   - Close only closes the peer connection; after a failed connection a new session is made
//     10 s later.
//
// Every HTTP call is recorded in window.__calls as {seq, kind, method, path, startedAt,
// endedAt, status, iceState, iceStateAfter} (times from performance.now(); status 0 for a
// network failure; the ICE connection state when the call started and when it ended). kind: token, session, answer, token-patch, candidates-get,
// candidate-post. window.__callPattern() summarises the race (see call-pattern.js).
// window.__viewer has the same live figures as the camera viewer's. Query parameters as the
// camera viewer's: gateway, user, password, token, camera, stun, turn, turnUser, turnPassword,
// autostart=1 (log in when a user is given, then Start).

import { notice, pageLog } from '/js/page.js';
import { callPattern } from './call-pattern.js';
import { NO_VIDEO, StatsSampler } from './stats.js';

const POLLING_TIMEOUT_MS = 20;
const MAX_FAILED_POLLS = 3;
const RECONNECT_DELAY_MS = 10_000;

const $ = (id) => document.getElementById(id);
const log = pageLog();
const params = new URLSearchParams(location.search);

const calls = [];
Object.defineProperty(window, '__calls', { value: calls });
Object.defineProperty(window, '__callPattern', { value: () => callPattern(calls) });

const view = { state: 'idle', sessionId: null, iceConnectionState: '', connectionState: '', ...NO_VIDEO };
Object.defineProperty(window, '__viewer', { get: () => Object.freeze({ ...view }) });

let pc = null;
let sessionId = null;
let token = '';
let refreshToken = null;
let refreshTimer = null;
let reconnectTimer = null;
let serverCandidates = [];
let failedPolls = 0;
let sampler = null;

// --- HTTP, recorded -------------------------------------------------------------------------------

function gateway() {
  return $('gateway').value.trim().replace(/\/+$/, '');
}

async function recordedFetch(kind, method, path, init = {}) {
  const call = {
    seq: calls.length, kind, method, path, startedAt: performance.now(), endedAt: null, status: null,
    iceState: pc?.iceConnectionState ?? null, iceStateAfter: null,
  };
  calls.push(call);
  try {
    const response = await fetch(gateway() + path, { method, cache: 'no-store', ...init });
    call.status = response.status;
    return response;
  } catch (err) {
    call.status = 0;
    throw new Error(`cannot reach the gateway at ${gateway()} (${err.message})`);
  } finally {
    call.endedAt = performance.now();
    call.iceStateAfter = pc?.iceConnectionState ?? null;
  }
}

function authorised(body) {
  const headers = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return { headers, body: body === undefined ? undefined : JSON.stringify(body) };
}

/** As the sample: a failed response's JSON body becomes the error (shown whole here). */
async function failure(what, response) {
  const text = await response.text().catch(() => '');
  return new Error(`${what} failed: HTTP ${response.status} ${text}`.trim());
}

function showError(code, err) {
  log('error', code, err);
  notice($('notices'), 'error', err.message ?? String(err), code);
}

// --- token ------------------------------------------------------------------------------------------

async function requestToken(form) {
  const response = await recordedFetch('token', 'POST', '/IDP/connect/token', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form, client_id: 'VmsClient' }),
  });
  if (!response.ok) throw await failure('Login', response);
  const json = await response.json();
  token = json.access_token;
  refreshToken = json.refresh_token ?? null;
  $('token').value = token;
  clearTimeout(refreshTimer);
  // The sample's expires_in - 60 s; halfway for tokens shorter than two minutes, where it would be at once, forever.
  refreshTimer = setTimeout(renewToken, Math.max(json.expires_in - 60, json.expires_in / 2) * 1000);
  log('token, expires in', json.expires_in, 's');
}

function login() {
  return requestToken({ grant_type: 'password', username: $('username').value, password: $('password').value });
}

async function renewToken() {
  try {
    await requestToken(refreshToken
      ? { grant_type: 'refresh_token', refresh_token: refreshToken }
      : { grant_type: 'password', username: $('username').value, password: $('password').value });
    if (sessionId) {
      const response = await recordedFetch('token-patch', 'PATCH', `/REST/v1/WebRTC/Session/${sessionId}`,
        authorised({ token }));
      if (!response.ok) throw await failure('Token update', response);
    }
  } catch (err) {
    showError('token-refresh-failed', err);
  }
}

// --- the session -----------------------------------------------------------------------------------

function iceServers() {
  const servers = [];
  if ($('stun').value.trim()) servers.push({ url: $('stun').value.trim() });
  if ($('turn').value.trim()) {
    servers.push({ url: $('turn').value.trim(), username: $('turn-username').value, credential: $('turn-credential').value });
  }
  return servers;
}

function start() {
  clearTimeout(reconnectTimer);
  token = $('token').value.trim();
  const servers = iceServers();
  pc = new RTCPeerConnection({
    iceServers: servers.map((s) => ({ urls: s.url, username: s.username, credential: s.credential })),
  });
  const thisPc = pc;
  pc.ontrack = (e) => {
    $('video').srcObject = e.streams[0] ?? new MediaStream([e.track]); // an offer without a=msid has no stream
    $('video').dataset.live = '';
    $('video').play().catch((err) => log('play() refused', err));
    sampler ??= new StatsSampler(thisPc, (figures) => {
      Object.assign(view, figures);
      $('figures').textContent = `${figures.frameWidth}×${figures.frameHeight}, ${Math.round(figures.framesPerSecond)} frames/s, `
        + `${figures.bitrateKbps} kbit/s, ${figures.framesDecoded} frames decoded`;
    });
    sampler.start();
  };
  pc.onicecandidate = (e) => {
    if (e.candidate) sendIceCandidate(e.candidate);
  };
  pc.oniceconnectionstatechange = () => showStates(thisPc);
  pc.onconnectionstatechange = () => {
    showStates(thisPc);
    if (thisPc === pc && thisPc.connectionState === 'failed') {
      showError('connection-failed', new Error(`The connection failed; a new session in ${RECONNECT_DELAY_MS / 1000} s.`));
      close();
      reconnectTimer = setTimeout(start, RECONNECT_DELAY_MS);
    }
  };
  setState('starting');
  initiateSession(servers).catch((err) => {
    showError('session-failed', err);
    setState('failed');
  });
}

async function initiateSession(servers) {
  const body = { deviceId: $('camera').value.trim(), resolution: 'notInUse', iceServers: servers, includeAudio: true };
  const response = await recordedFetch('session', 'POST', '/REST/v1/WebRTC/Session', authorised(body));
  if (!response.ok) throw await failure('Session creation', response);
  const session = await response.json();
  sessionId = session.sessionId;
  view.sessionId = sessionId;
  serverCandidates = [];
  failedPolls = 0;
  await pc.setRemoteDescription(JSON.parse(session.offerSDP));
  setState('connecting');

  // Not awaited: the sample goes straight on to polling while the answer is on its way.
  const answeringPc = pc;
  answeringPc.createAnswer()
    .then((answer) => answeringPc.setLocalDescription(answer))
    .then(() => recordedFetch('answer', 'PATCH', `/REST/v1/WebRTC/Session/${sessionId}`,
      authorised({ answerSDP: JSON.stringify(answeringPc.localDescription) })))
    .then(async (r) => {
      if (!r.ok) throw await failure('Answer', r);
    })
    .catch((err) => showError('answer-failed', err));
  pollServerCandidates(answeringPc, sessionId);
}

async function sendIceCandidate(candidate) {
  try {
    const response = await recordedFetch('candidate-post', 'POST', `/REST/v1/WebRTC/IceCandidates/${sessionId}`,
      authorised({ candidates: [JSON.stringify(candidate)] }));
    if (!response.ok) throw await failure('Sending a candidate', response);
  } catch (err) {
    showError('candidates-failed', err);
  }
}

async function pollServerCandidates(pollingPc, id) {
  if (pollingPc !== pc) return; // closed, or replaced by a reconnect
  try {
    const response = await recordedFetch('candidates-get', 'GET', `/REST/v1/WebRTC/IceCandidates/${id}`, authorised());
    if (!response.ok) throw await failure('Reading candidates', response);
    const json = await response.json();
    for (const candidate of json.candidates) {
      if (serverCandidates.includes(candidate)) continue;
      serverCandidates.push(candidate);
      await pollingPc.addIceCandidate(JSON.parse(candidate));
    }
    failedPolls = 0;
  } catch (err) {
    failedPolls++;
    log('poll failed', failedPolls, err);
    if (failedPolls >= MAX_FAILED_POLLS) {
      showError('candidates-failed', err);
      return;
    }
  }
  const state = pollingPc.iceConnectionState;
  if (pollingPc === pc && (state === 'new' || state === 'checking')) {
    setTimeout(() => pollServerCandidates(pollingPc, id), POLLING_TIMEOUT_MS);
  }
}

/** The sample's Close: the peer connection only; the gateway frees the session by itself. */
function close() {
  sampler?.stop();
  sampler = null;
  pc?.close();
  pc = null;
  sessionId = null;
  view.sessionId = null;
  $('video').srcObject = null;
  delete $('video').dataset.live;
  setState('idle');
}

// --- page ---------------------------------------------------------------------------------------------

function setState(state) {
  view.state = state;
  document.body.dataset.state = state;
  $('state').dataset.state = state;
  $('state').textContent = { idle: 'Closed', starting: 'Starting…', connecting: 'Connecting…', live: 'Live', failed: 'Failed' }[state];
  $('start').disabled = ['starting', 'connecting', 'live'].includes(state);
}

function showStates(of) {
  if (of !== pc) return;
  view.iceConnectionState = of.iceConnectionState;
  view.connectionState = of.connectionState;
  $('ice-state').textContent = of.iceConnectionState;
  $('pc-state').textContent = of.connectionState;
  if (of.connectionState === 'connected') setState('live');
}

$('gateway').value = params.get('gateway') ?? `${location.origin}/api`;
for (const [param, id] of Object.entries({ user: 'username', password: 'password', token: 'token', camera: 'camera',
  stun: 'stun', turn: 'turn', turnUser: 'turn-username', turnPassword: 'turn-credential' })) {
  if (params.has(param)) $(id).value = params.get(param);
}
$('login').addEventListener('click', () => login().catch((err) => showError('login-failed', err)));
$('start').addEventListener('click', start);
$('close').addEventListener('click', () => {
  clearTimeout(reconnectTimer);
  close();
});
setState('idle');
log('XProtect sample page ready');

if (params.get('autostart') === '1') {
  (params.get('user') ? login() : Promise.resolve()).then(start, (err) => {
    showError('login-failed', err);
    setState('failed');
  });
}
