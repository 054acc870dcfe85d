// The camera viewer page: the fields of the XProtect WebRTC sample, the live video, its
// connection states and figures. The protocol lives in the modules beside this one:
//   xprotect-client.js  one method per REST call of the gateway
//   camera-session.js   one live view: the peer connection and its signaling order
//   token-keeper.js     renews the bearer token before it expires
//   ice-fields.js       the STUN/TURN fields ⇄ RTCConfiguration.iceServers
//   stats.js            figures from getStats() once a second
//
// Query parameters prefill the form, for demo links and tests (password and token are then
// removed from the address bar):
//   gateway=<url>  user=<name>  password=<pw>  token=<bearer>  camera=<id>
//   stun=<urls>  turn=<urls>  turnUser=<name>  turnPassword=<pw>   (given, even empty: no prefill
//                                                                    from /api/ice-servers)
//   relay=1        media only through the TURN server (iceTransportPolicy "relay")
//   autostart=1    press Start once the form is filled (logs in first when a user is given)
//
// window.__viewer is a read-only snapshot of the state and figures:
//   {state, sessionId, iceConnectionState, connectionState, framesDecoded, frameWidth,
//    frameHeight, framesPerSecond, bitrateKbps, packetsLost, codec, errors: [codes shown]}

import { dismissNotices, notice as showNotice, pageLog } from '/js/page.js';
import { CameraSession } from './camera-session.js';
import { iceFields, iceServersFrom } from './ice-fields.js';
import { NO_VIDEO, StatsSampler } from './stats.js';
import { TokenKeeper } from './token-keeper.js';
import { XProtectClient } from './xprotect-client.js';

/** After an ICE or DTLS failure the view is set up again this much later (as the sample does). */
const RETRY_DELAY_MS = 10_000;

/** Connected for this many stats readings without a decoded frame: the person is told why. */
const NO_VIDEO_READINGS = 5;

const $ = (id) => document.getElementById(id);
const log = pageLog();
const params = new URLSearchParams(location.search);
const iceTransportPolicy = params.get('relay') === '1' ? 'relay' : 'all';

// --- what the page shows and tests read -------------------------------------------------------

const view = {
  state: 'idle', sessionId: null, iceConnectionState: '', connectionState: '', ...NO_VIDEO, errors: [],
};
Object.defineProperty(window, '__viewer', { get: () => Object.freeze({ ...view, errors: [...view.errors] }) });

const STATE_TEXT = {
  idle: 'Stopped',
  starting: 'Starting…',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  failed: 'Failed',
};

function setState(state) {
  view.state = state;
  document.body.dataset.state = state;
  $('state').dataset.state = state;
  $('state').textContent = STATE_TEXT[state];
  const active = state !== 'idle' && state !== 'failed';
  $('start').disabled = active;
  $('stop').disabled = !active;
  $('stage-empty').textContent = {
    idle: 'Press Start to view the camera.',
    failed: 'Could not start: see the message above.',
    reconnecting: 'The connection failed; trying again shortly.',
  }[state] ?? 'Connecting to the camera…';
}

function error(code, message) {
  log('error', code, message);
  view.errors.push(code);
  showNotice($('notices'), 'error', message, code);
}

function info(code, message) {
  showNotice($('notices'), 'info', message, code);
}

function showFigures(s) {
  Object.assign(view, s);
  const none = s.framesDecoded === 0;
  $('stat-resolution').textContent = s.frameWidth ? `${s.frameWidth}×${s.frameHeight}` : '–';
  $('stat-fps').textContent = none ? '–' : String(Math.round(s.framesPerSecond));
  $('stat-bitrate').textContent = none ? '–' : `${s.bitrateKbps} kbit/s`;
  $('stat-lost').textContent = none ? '–' : String(s.packetsLost);
  $('stat-decoded').textContent = String(s.framesDecoded);
  $('stat-codec').textContent = s.codec || '–';
}

function showStates(ice, connection) {
  view.iceConnectionState = ice;
  view.connectionState = connection;
  $('ice-state').textContent = ice || '–';
  $('pc-state').textContent = connection || '–';
}

// --- the gateway client and its token ------------------------------------------------------------

let client = null;
let keeper = null;
/** The user the client's token belongs to; null for a pasted token or none. */
let loggedInAs = null;

function gatewayUrl() {
  const text = $('gateway').value.trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw Object.assign(new Error(`"${text}" is not an http(s) URL: the API gateway is usually https://host/api.`),
      { code: 'bad-gateway-url' });
  }
  return text.replace(/\/+$/, '');
}

/** The client for the gateway in the form; a new one (logged out) when the URL changed. */
function currentClient() {
  const url = gatewayUrl();
  if (client?.baseUrl === url) return client;
  keeper?.stop();
  client = new XProtectClient(url, { log });
  keeper = new TokenKeeper(client, log);
  keeper.addEventListener('renewed', onTokenRenewed);
  keeper.addEventListener('error', (e) => error(e.detail.code, e.detail.message));
  loggedInAs = null;
  return client;
}

async function login() {
  const c = currentClient();
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username) throw Object.assign(new Error('Enter a username to log in.'), { code: 'no-credentials' });
  $('login-status').textContent = `Logging in as ${username}…`;
  try {
    const grant = await c.login(username, password);
    loggedInAs = username;
    keeper.loggedIn(grant, { username, password });
    $('token').value = grant.accessToken;
    $('login-status').textContent = `Logged in as ${username}${grant.expiresIn
      ? `; the token is renewed before it expires at ${expiryTime(grant.expiresIn)}` : ''}.`;
    log('logged in as', username, 'token expires in', grant.expiresIn, 's');
  } catch (err) {
    loggedInAs = null;
    $('login-status').textContent = 'Not logged in.';
    throw err;
  }
  await listCameras();
}

/** A username wins over a pasted token; a pasted token is used as it is. */
async function ensureToken() {
  const c = currentClient();
  if ($('username').value.trim()) {
    if (loggedInAs !== $('username').value.trim()) await login();
    return;
  }
  const token = $('token').value.trim();
  if (!token) {
    throw Object.assign(new Error('Enter a username and password, or paste a bearer token.'), { code: 'no-credentials' });
  }
  if (c.token !== token) {
    keeper.pasted(token);
    loggedInAs = null;
    $('login-status').textContent = 'Using the pasted token.';
  }
}

function onTokenRenewed(e) {
  $('token').value = client.token;
  $('login-status').textContent = `Logged in as ${loggedInAs}; token renewed, next before ${expiryTime(e.detail.expiresIn)}.`;
  session?.renewToken().catch((err) => error(err.code, err.message));
}

function expiryTime(expiresIn) {
  return new Date(Date.now() + expiresIn * 1000).toLocaleTimeString();
}

async function listCameras() {
  const select = $('camera-select');
  let cameras;
  try {
    cameras = await client.cameras();
  } catch (err) {
    select.replaceChildren(new Option('No camera list: type the camera id', ''));
    select.disabled = true;
    error(err.code, `${err.message}. Type the camera id instead.`);
    return;
  }
  const typed = $('camera').value.trim();
  select.replaceChildren(new Option(cameras.length ? 'Choose a camera' : 'This user may view no camera', ''),
    ...cameras.map((c) => new Option(`${c.name || 'Unnamed camera'} (${c.id})`, c.id)));
  select.disabled = cameras.length === 0;
  if (!typed && cameras.length) $('camera').value = cameras[0].id;
  select.value = cameras.some((c) => c.id === $('camera').value.trim()) ? $('camera').value.trim() : '';
  log('cameras', cameras);
}

// --- viewing ----------------------------------------------------------------------------------------

let session = null;
let sampler = null;
let retryTimer = null;
/** What Start asked to view: {deviceId, iceServers}; kept for retries until Stop. */
let target = null;
/** Counts Start and Stop presses, so a Start still logging in knows Stop was pressed meanwhile. */
let presses = 0;

async function start() {
  if (target) return;
  const press = ++presses;
  document.querySelectorAll('#notices .notice.error').forEach((el) => el.remove());
  view.errors = [];
  setState('starting');
  try {
    const iceServers = readIceServers();
    await ensureToken(); // a login fills the camera list and, when none was chosen, the first camera
    if (press !== presses) return; // stopped while logging in
    const deviceId = $('camera').value.trim();
    if (!deviceId) throw Object.assign(new Error('Choose a camera, or type its id.'), { code: 'no-camera' });
    target = { deviceId, iceServers };
  } catch (err) {
    if (press !== presses) return;
    error(err.code ?? 'start-failed', err.message);
    setState('failed');
    return;
  }
  await openSession();
}

function readIceServers() {
  try {
    return iceServersFrom({
      stun: $('stun').value, turn: $('turn').value,
      turnUsername: $('turn-username').value, turnCredential: $('turn-credential').value,
    });
  } catch (err) {
    throw Object.assign(err, { code: 'bad-ice-servers' });
  }
}

async function openSession() {
  const s = new CameraSession({ client, ...target, iceTransportPolicy, log });
  session = s;
  retryTimer = null;
  setState('starting');
  s.addEventListener('track', (e) => {
    $('video').srcObject = e.detail.stream;
    $('video').dataset.live = '';
    $('video').play().catch((err) => log('play() refused', err));
    watchFigures(s.pc);
  });
  s.addEventListener('statechange', (e) => onStateChange(s, e.detail));
  s.addEventListener('error', (e) => onSessionError(s, e.detail));
  try {
    await s.start();
    if (session !== s) return;
    view.sessionId = s.sessionId;
    $('session-id').textContent = s.sessionId;
    if (view.state === 'starting') setState('connecting');
  } catch (err) {
    if (session !== s) return;
    closeSession();
    target = null;
    error(err.code ?? 'session-failed', err.message);
    setState('failed');
  }
}

/** Figures once a second from the media's arrival; tells the person when no frame comes. */
function watchFigures(pc) {
  if (sampler) return;
  let readingsWithoutVideo = 0;
  sampler = new StatsSampler(pc, (figures) => {
    showFigures(figures);
    readingsWithoutVideo = view.state === 'live' && figures.framesDecoded === 0 ? readingsWithoutVideo + 1 : 0;
    if (readingsWithoutVideo === NO_VIDEO_READINGS) {
      error('no-video', `Connected, but no video arrived in ${NO_VIDEO_READINGS} s: the camera may not send H.264, `
        + 'or its stream has stopped.');
    }
  });
  sampler.start();
}

function onStateChange(s, { ice, connection }) {
  if (session !== s) return;
  showStates(ice, connection);
  if (connection === 'connected' && view.state !== 'live') {
    setState('live');
    ['ice-failed', 'connection-failed'].forEach((code) => dismissNotices($('notices'), code));
    log('live: camera', target.deviceId, 'session', s.sessionId);
  } else if (connection === 'disconnected' && view.state === 'live') {
    setState('connecting');
  }
}

function onSessionError(s, { code, message, transport }) {
  if (session !== s) return;
  if (!transport) {
    error(code, message);
    return;
  }
  closeSession();
  error(code, `${message} Trying again in ${RETRY_DELAY_MS / 1000} s.`);
  setState('reconnecting');
  retryTimer = setTimeout(openSession, RETRY_DELAY_MS);
}

function closeSession() {
  sampler?.stop();
  sampler = null;
  session?.stop();
  session = null;
  $('video').srcObject = null;
  delete $('video').dataset.live;
  view.sessionId = null;
  $('session-id').textContent = '–';
  showStates('', '');
  showFigures(NO_VIDEO);
}

function stop() {
  presses++;
  clearTimeout(retryTimer);
  retryTimer = null;
  target = null;
  closeSession();
  setState('idle');
}

// --- the form ------------------------------------------------------------------------------------------

/** Fills the ICE fields the query string did not give from this server's /api/ice-servers. */
async function prefillIceServers() {
  const given = ['stun', 'turn', 'turnUser', 'turnPassword'].filter((p) => params.has(p));
  if (given.length) return;
  try {
    const res = await fetch('/api/ice-servers', { cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const fields = iceFields((await res.json()).iceServers);
    $('stun').value = fields.stun;
    $('turn').value = fields.turn;
    $('turn-username').value = fields.turnUsername;
    $('turn-credential').value = fields.turnCredential;
    $('ice-hint').textContent = 'Prefilled from this server. Several URLs per field may be separated by spaces.';
  } catch (err) {
    log('no ICE servers from /api/ice-servers:', err.message);
    $('ice-hint').textContent = `This server offered no ICE servers (${err.message}); enter them if the camera is behind NAT.`;
  }
}

function prefillFromQuery() {
  $('gateway').value = params.get('gateway') ?? `${location.origin}/api`;
  const fields = { user: 'username', password: 'password', token: 'token', camera: 'camera', stun: 'stun',
    turn: 'turn', turnUser: 'turn-username', turnPassword: 'turn-credential' };
  for (const [param, id] of Object.entries(fields)) {
    if (params.has(param)) $(id).value = params.get(param);
  }
  // Secrets in the address bar would end up in the history and in shared screenshots.
  if (['password', 'token', 'turnPassword'].some((p) => params.has(p))) {
    const clean = new URLSearchParams(params);
    ['password', 'token', 'turnPassword'].forEach((p) => clean.delete(p));
    history.replaceState(null, '', `${location.pathname}${clean.size ? `?${clean}` : ''}`);
  }
}

$('viewer-form').addEventListener('submit', (e) => {
  e.preventDefault();
  start();
});
$('stop').addEventListener('click', stop);
$('login').addEventListener('click', async () => {
  $('login').disabled = true;
  try {
    await login();
  } catch (err) {
    error(err.code ?? 'login-failed', err.message);
  } finally {
    $('login').disabled = false;
  }
});
$('camera-select').addEventListener('change', () => {
  if ($('camera-select').value) $('camera').value = $('camera-select').value;
});
// A new token pasted while watching is handed to the running session at once.
$('token').addEventListener('change', () => {
  const token = $('token').value.trim();
  if (!token || !client || $('username').value.trim() || token === client.token) return;
  keeper.pasted(token);
  loggedInAs = null;
  $('login-status').textContent = 'Using the pasted token.';
  session?.renewToken().catch((err) => error(err.code, err.message));
});
// Leaving the page ends the session on the gateway at once instead of at its timeout.
addEventListener('pagehide', () => session?.stop());

prefillFromQuery();
setState('idle');
await prefillIceServers();
log('camera viewer ready');
if (params.get('autostart') === '1') start();
