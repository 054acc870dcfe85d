// The numbering of native-protocol frames, both ways (docs/API.md, "Frames, sequence numbers
// and acknowledgements"). Pure bookkeeping: no socket and no timer; NativeSession drives it.

/** Received frames that may go unacknowledged before an ack is sent at once (the server lets 256 out). */
export const ACK_EVERY = 32;

/**
 * The server's numbered frames as they arrive: the highest `seq` seen (what a resume asks to
 * continue from), what has been acknowledged, and the frames that must not be processed twice.
 */
export class InboundSequence {
  constructor() {
    this.reset();
  }

  /** A new session numbers its frames from 1 again. */
  reset() {
    this.lastSeq = 0;
    this.acked = 0;
    /** Frames dropped because they came again; the server never repeats one, so this stays 0. */
    this.duplicates = 0;
    /** Frames that came after a missing one; the server never skips one, so this stays 0. */
    this.gaps = 0;
  }

  /**
   * Whether frame `seq` is new (process it) or came before (drop it). A frame after a gap is
   * still processed: nothing can bring the missing one back, and the counter shows it.
   */
  accept(seq) {
    if (seq <= this.lastSeq) {
      this.duplicates++;
      return false;
    }
    if (seq !== this.lastSeq + 1) this.gaps++;
    this.lastSeq = seq;
    return true;
  }

  /** Frames received and not yet acknowledged. */
  get unacked() {
    return this.lastSeq - this.acked;
  }

  /** Whether so many frames wait for an ack that it should go now rather than when idle. */
  get ackDue() {
    return this.unacked >= ACK_EVERY;
  }

  /** Records that an ack for everything so far is being sent, and returns its value. */
  acknowledge() {
    this.acked = this.lastSeq;
    return this.lastSeq;
  }
}

/**
 * The client's frames, numbered 1, 2, 3, … within a session and kept so that, after a resume,
 * exactly those the server did not process (`resumed.lastClientSeq`) are sent again. The server
 * confirms client frames only on a resume, so the log keeps the last `capacity` frames.
 */
export class OutboundLog {
  constructor(capacity = 512) {
    this._capacity = capacity;
    this.reset();
  }

  /** A new session numbers its frames from 1 again; the old session's frames mean nothing to it. */
  reset() {
    this.lastSeq = 0;
    this._frames = [];
  }

  /** Numbers `frame` and keeps it; returns the numbered copy. */
  add(frame) {
    const numbered = { ...frame, seq: ++this.lastSeq };
    this._frames.push(numbered);
    if (this._frames.length > this._capacity) this._frames.shift();
    return numbered;
  }

  /**
   * The frames after `lastClientSeq`, oldest first, forgetting the others (the server has them).
   * `complete` is false when some of them were no longer kept (more than `capacity` frames
   * were sent while the connection was down).
   */
  after(lastClientSeq) {
    this._frames = this._frames.filter((f) => f.seq > lastClientSeq);
    const first = this._frames.length ? this._frames[0].seq : this.lastSeq + 1;
    return { frames: [...this._frames], complete: first <= lastClientSeq + 1 };
  }
}
