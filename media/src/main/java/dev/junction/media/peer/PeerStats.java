package dev.junction.media.peer;

import dev.junction.media.rtp.ReportBlock;
import java.util.concurrent.atomic.LongAdder;

/**
 * One peer connection's counters, and what the browser last reported about our stream
 * (RFC 3550 §6.4.1 report block). Written on the connection's loop, readable from any thread.
 */
public final class PeerStats {

  final LongAdder packetsSent = new LongAdder();
  final LongAdder bytesSent = new LongAdder();
  final LongAdder nacks = new LongAdder();
  final LongAdder retransmitted = new LongAdder();
  final LongAdder keyframeRequests = new LongAdder();
  final LongAdder badRtcp = new LongAdder();
  final LongAdder droppedDtls = new LongAdder();
  final LongAdder ignoredRtp = new LongAdder();
  final LongAdder lateDropped = new LongAdder();
  private volatile ReportBlock lastReport;

  void sent(int bytes) {
    packetsSent.increment();
    bytesSent.add(bytes);
  }

  void report(ReportBlock block) {
    lastReport = block;
  }

  /** Datagrams of media, RTX and RTCP sent. */
  public long packetsSent() {
    return packetsSent.sum();
  }

  public long bytesSent() {
    return bytesSent.sum();
  }

  /** NACK messages received. */
  public long nacks() {
    return nacks.sum();
  }

  /** Packets resent on the RTX stream for NACKs. */
  public long retransmitted() {
    return retransmitted.sum();
  }

  /** PLIs and FIRs received, answered or not. */
  public long keyframeRequests() {
    return keyframeRequests.sum();
  }

  /** Stream packets dropped because the connection's loop fell too far behind to send them in time. */
  public long lateDropped() {
    return lateDropped.sum();
  }

  /** SRTCP that failed authentication or did not parse. */
  public long badRtcp() {
    return badRtcp.sum();
  }

  /** Packets the browser reports lost in total (its cumulative count); 0 before its first report. */
  public long packetsLost() {
    ReportBlock r = lastReport;
    return r == null ? 0 : r.cumulativeLost();
  }

  /** The browser's last interarrival jitter, in 90 kHz units; 0 before its first report. */
  public long jitter() {
    ReportBlock r = lastReport;
    return r == null ? 0 : r.jitter();
  }
}
