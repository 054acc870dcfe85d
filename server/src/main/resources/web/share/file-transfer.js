// Files over one RTCDataChannel, both ways, one file at a time in each direction. No DOM.
//
// On the ordered channel "files" text messages are JSON and binary messages are the bytes of
// the file being received:
//   {type:'file-start', id, name, size, mimeType}   then the bytes, in chunks
//   {type:'file-end', id, sha256}                   SHA-256 of the whole file, lower-case hex
//   {type:'file-result', id, ok, sha256}            the receiver's verdict: the digest it computed
//   {type:'file-cancel', id}                        either side gives up on transfer `id`
// The channel keeps order, so every chunk sits between its start and its end. Chunks that
// arrive after the receiver cancelled are dropped until the next start.

/** Bytes per message: 64 KiB crosses every browser's SCTP stack (max-message-size is larger). */
export const CHUNK_BYTES = 64 * 1024;
/** Both sides hold the whole file in memory (the digest needs it), so sizes are bounded. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Backpressure: stop queueing above HIGH_WATER, go on when bufferedamountlow says LOW_WATER. */
const HIGH_WATER = 4 * 1024 * 1024;
const LOW_WATER = 1024 * 1024;

/** SHA-256 of `bytes` as lower-case hex (crypto.subtle: secure contexts only, like localhost). */
export async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One file on its way. `bytes`: sent (out: handed to the network) or received (in) so far.
 * States: out: sending → confirming → done; in: receiving → verifying → done; either may end
 * in cancelled (`cancelledBy`: 'you' or 'peer') or failed (`error`).
 */
export class Transfer {
  constructor(direction, { id, name, size, mimeType }) {
    this.direction = direction;
    this.id = id;
    this.name = name;
    this.size = size;
    this.mimeType = mimeType || 'application/octet-stream';
    this.bytes = 0;
    this.state = direction === 'out' ? 'sending' : 'receiving';
    this.sha256 = null;
    this.error = null;
    this.cancelledBy = null;
    /** The received file once verified (in only). */
    this.blob = null;
  }

  get active() {
    return ['sending', 'confirming', 'receiving', 'verifying'].includes(this.state);
  }
}

/**
 * The file transfers of one data channel. Events: transfer {transfer} (a new one, either
 * way), progress {transfer}, end {transfer} (done, cancelled or failed).
 */
export class FileChannel extends EventTarget {
  /**
   * @param {RTCDataChannel} channel  ordered; may still be connecting
   * @param {(...args: any[]) => void} [log]
   */
  constructor(channel, log = () => {}) {
    super();
    this._channel = channel;
    this._log = log;
    this.outgoing = null;
    this.incoming = null;
    this._chunks = [];
    this._wake = null; // resolves the sender's wait for the buffer to drain
    channel.binaryType = 'arraybuffer';
    channel.bufferedAmountLowThreshold = LOW_WATER;
    channel.addEventListener('bufferedamountlow', () => this._wakeSender());
    channel.addEventListener('message', (e) => this._onMessage(e.data));
    channel.addEventListener('close', () => this._onClose());
  }

  get open() {
    return this._channel.readyState === 'open';
  }

  /** Sends `file`; resolves when it is done, cancelled or failed (see the transfer's state). */
  async send(file) {
    if (!this.open) throw new Error('Not connected to anyone yet.');
    if (this.outgoing?.active) throw new Error(`Still sending ${this.outgoing.name}: wait or cancel it.`);
    if (file.size > MAX_FILE_BYTES) {
      throw new Error(`${file.name} is ${formatBytes(file.size)}; at most ${formatBytes(MAX_FILE_BYTES)} can be sent.`);
    }
    const transfer = new Transfer('out', { id: randomId(), name: file.name, size: file.size, mimeType: file.type });
    this.outgoing = transfer;
    this._fire('transfer', transfer);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (transfer.state !== 'sending') return transfer; // cancelled while the file was read
      const digest = sha256Hex(bytes); // computed while the bytes go out
      this._sendJson({ type: 'file-start', id: transfer.id, name: file.name, size: file.size, mimeType: transfer.mimeType });
      let sent = 0;
      while (sent < bytes.length) {
        if (this._channel.bufferedAmount > HIGH_WATER) await this._drained();
        if (transfer.state !== 'sending') return transfer; // cancelled or failed while waiting
        const chunk = bytes.subarray(sent, sent + CHUNK_BYTES);
        this._channel.send(chunk);
        sent += chunk.length;
        transfer.bytes = sent - this._channel.bufferedAmount;
        this._fire('progress', transfer);
      }
      transfer.sha256 = await digest;
      if (transfer.state !== 'sending') return transfer;
      this._sendJson({ type: 'file-end', id: transfer.id, sha256: transfer.sha256 });
      transfer.state = 'confirming'; // until the receiver's file-result
      this._fire('progress', transfer);
    } catch (err) {
      this._fail(transfer, `Sending ${transfer.name} failed: ${err.message}`);
    }
    return transfer;
  }

  /** Gives up on `transfer` (either direction) and tells the other side. */
  cancel(transfer) {
    if (!transfer?.active) return;
    if (this.open) this._sendJson({ type: 'file-cancel', id: transfer.id });
    this._cancelled(transfer, 'you');
  }

  // --- receiving ---------------------------------------------------------------------------

  _onMessage(data) {
    if (typeof data !== 'string') {
      this._onChunk(data);
      return;
    }
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      this._log('files: a text message that is not JSON, ignored');
      return;
    }
    switch (msg?.type) {
      case 'file-start':
        this._onStart(msg);
        break;
      case 'file-end':
        if (this.incoming?.id === msg.id && this.incoming.state === 'receiving') this._verify(this.incoming, msg.sha256);
        break;
      case 'file-result':
        if (this.outgoing?.id === msg.id && this.outgoing.state === 'confirming') this._confirmed(this.outgoing, msg);
        break;
      case 'file-cancel':
        for (const transfer of [this.outgoing, this.incoming]) {
          if (transfer?.id === msg.id) this._cancelled(transfer, 'peer');
        }
        break;
      default:
        this._log('files: unknown message', msg?.type);
    }
  }

  _onStart({ id, name, size, mimeType }) {
    if (typeof id !== 'string' || typeof name !== 'string' || !Number.isSafeInteger(size) || size < 0) {
      this._log('files: a malformed file-start, ignored');
      return;
    }
    if (this.incoming?.active) this._fail(this.incoming, `${this.incoming.name} was replaced by the next file before it was complete.`);
    const transfer = new Transfer('in', { id, name, size, mimeType });
    this.incoming = transfer;
    this._chunks = [];
    this._fire('transfer', transfer);
    if (size > MAX_FILE_BYTES) {
      this._refuse(transfer, `${name} is ${formatBytes(size)}; at most ${formatBytes(MAX_FILE_BYTES)} can be received.`);
    }
  }

  _onChunk(buffer) {
    const transfer = this.incoming;
    if (transfer?.state !== 'receiving') return; // the tail of a cancelled transfer
    this._chunks.push(buffer);
    transfer.bytes += buffer.byteLength;
    if (transfer.bytes > transfer.size) {
      this._refuse(transfer, `${transfer.name}: more bytes came than the ${formatBytes(transfer.size)} announced.`);
      return;
    }
    this._fire('progress', transfer);
  }

  async _verify(transfer, expected) {
    transfer.state = 'verifying';
    this._fire('progress', transfer);
    if (transfer.bytes !== transfer.size) {
      this._reply(transfer, false);
      this._fail(transfer, `${transfer.name}: ${formatBytes(transfer.bytes)} of ${formatBytes(transfer.size)} arrived.`);
      return;
    }
    const blob = new Blob(this._chunks, { type: transfer.mimeType });
    this._chunks = [];
    transfer.sha256 = await sha256Hex(new Uint8Array(await blob.arrayBuffer()));
    if (transfer.state !== 'verifying') return; // cancelled meanwhile
    const ok = transfer.sha256 === expected;
    this._reply(transfer, ok);
    if (!ok) {
      this._fail(transfer, `${transfer.name} arrived damaged: its SHA-256 is ${transfer.sha256}, the sender's ${expected}.`);
      return;
    }
    transfer.blob = blob;
    this._ended(transfer, 'done');
  }

  _reply(transfer, ok) {
    if (this.open) this._sendJson({ type: 'file-result', id: transfer.id, ok, sha256: transfer.sha256 });
  }

  _confirmed(transfer, { ok, sha256 }) {
    if (ok) {
      transfer.bytes = transfer.size;
      this._ended(transfer, 'done');
    } else {
      this._fail(transfer, `${transfer.name} arrived damaged on the other side (their SHA-256: ${sha256}).`);
    }
  }

  // --- ends --------------------------------------------------------------------------------

  _onClose() {
    for (const transfer of [this.outgoing, this.incoming]) {
      if (transfer?.active) this._fail(transfer, `The connection closed before ${transfer.name} was complete.`);
    }
  }

  _cancelled(transfer, by) {
    if (!transfer.active) return;
    transfer.cancelledBy = by;
    this._ended(transfer, 'cancelled');
  }

  /** Fails an incoming transfer that breaks the rules, and tells the sender to stop. */
  _refuse(transfer, message) {
    if (this.open) this._sendJson({ type: 'file-cancel', id: transfer.id });
    this._fail(transfer, message);
  }

  _fail(transfer, message) {
    if (!transfer.active) return;
    transfer.error = message;
    this._ended(transfer, 'failed');
  }

  _ended(transfer, state) {
    transfer.state = state;
    if (transfer === this.incoming && state !== 'done') this._chunks = [];
    this._wakeSender();
    this._fire('end', transfer);
  }

  // --- plumbing ----------------------------------------------------------------------------

  /** Resolves when the channel's buffer drained below LOW_WATER, or the transfer or channel ended. */
  _drained() {
    return new Promise((resolve) => { this._wake = resolve; });
  }

  _wakeSender() {
    const wake = this._wake;
    this._wake = null;
    wake?.();
  }

  _sendJson(msg) {
    this._channel.send(JSON.stringify(msg));
  }

  _fire(type, transfer) {
    this.dispatchEvent(new CustomEvent(type, { detail: { transfer } }));
  }
}

/** "20.0 MB", "512 KB", "12 bytes". */
export function formatBytes(n) {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} KB`;
  return `${n} bytes`;
}

function randomId() {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
