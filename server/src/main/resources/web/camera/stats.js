// Live figures of the received video, read from RTCPeerConnection.getStats() once a second.
// The reading is a pure function of two reports, so it is tested without a connection.

/** Figures before any video arrived. */
export const NO_VIDEO = Object.freeze({
  framesDecoded: 0, frameWidth: 0, frameHeight: 0, framesPerSecond: 0, bitrateKbps: 0,
  packetsLost: 0, bytesReceived: 0, codec: '', timestamp: 0,
});

/**
 * The received video's figures from a getStats() report (a Map of stats objects by id), with
 * the rates computed against the previous figures (rates are 0 for the first reading).
 */
export function videoStats(report, previous = NO_VIDEO) {
  let inbound = null;
  for (const s of report.values()) {
    if (s.type === 'inbound-rtp' && s.kind === 'video') inbound = s;
  }
  if (!inbound) return NO_VIDEO;
  const framesDecoded = inbound.framesDecoded ?? 0;
  const bytesReceived = inbound.bytesReceived ?? 0;
  const timestamp = inbound.timestamp ?? 0;
  const seconds = (timestamp - previous.timestamp) / 1000;
  const later = previous.timestamp > 0 && seconds > 0;
  const rate = (now, before) => (later && now >= before ? (now - before) / seconds : 0);
  return {
    framesDecoded,
    frameWidth: inbound.frameWidth ?? 0,
    frameHeight: inbound.frameHeight ?? 0,
    // Chromium reports framesPerSecond itself; other browsers get it from the decoded count.
    framesPerSecond: inbound.framesPerSecond ?? Math.round(rate(framesDecoded, previous.framesDecoded)),
    bitrateKbps: Math.round(rate(bytesReceived, previous.bytesReceived) * 8 / 1000),
    packetsLost: inbound.packetsLost ?? 0,
    bytesReceived,
    codec: report.get(inbound.codecId)?.mimeType?.replace(/^video\//, '') ?? '',
    timestamp,
  };
}

/**
 * Reads `pc`'s video figures every `intervalMs` and hands them to `onStats` until stop().
 * Never touches remote audio: the viewer's video element stays muted, since Chromium has
 * crashed on getStats() while remote audio played unmuted (TESTING.md).
 */
export class StatsSampler {
  constructor(pc, onStats, intervalMs = 1000) {
    this.pc = pc;
    this.onStats = onStats;
    this.intervalMs = intervalMs;
    this.last = NO_VIDEO;
    this._timer = null;
  }

  start() {
    this._timer ??= setInterval(() => this._sample(), this.intervalMs);
  }

  stop() {
    clearInterval(this._timer);
    this._timer = null;
  }

  async _sample() {
    if (this.pc.connectionState === 'closed') return;
    const report = await this.pc.getStats();
    if (this._timer === null) return; // stopped while reading
    this.last = videoStats(report, this.last);
    this.onStats(this.last);
  }
}
