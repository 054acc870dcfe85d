package dev.junction.media.peer;

import dev.junction.stun.Bytes;
import dev.junction.media.rtp.NtpTime;
import dev.junction.media.rtp.RtcpCompound;
import dev.junction.media.rtp.RtpHeaderRewriter;
import dev.junction.media.rtp.SenderReport;
import dev.junction.media.rtp.SourceDescription;
import dev.junction.media.srtp.OutboundSrtpContext;
import dev.junction.media.srtp.SrtpException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * One viewer's outgoing video: each shared stream packet is copied, given the viewer's SSRC,
 * sequence number and timestamp ({@link ViewerTimeline}), encrypted and handed to the sink. A
 * history of the last {@link #HISTORY} packets (references to the shared packets, not copies)
 * answers NACKs with RTX retransmissions (RFC 4588): SRTP never encrypts one index twice, so a
 * lost packet is resent on the RTX stream with its original sequence number in front of the
 * payload. Also writes the sender reports (RFC 3550 §6.4.1).
 *
 * <p>Not thread-safe: confined to the viewer's event loop.
 */
final class VideoSender {

  /** Packets remembered for NACKs: about 5 s of a 2 Mbps camera; 20 bytes each. */
  static final int HISTORY = 1024;
  private static final int HEADER = 12;
  private static final int OSN = 2;

  /** Where protected packets go: the viewer's selected address. */
  @FunctionalInterface
  interface Sink {
    void send(byte[] packet, int length);
  }

  private final long ssrc;
  private final int payloadType;
  private final long rtxSsrc;
  private final OptionalInt rtxPayloadType;
  private final String cname;
  private final OutboundSrtpContext srtp;
  private final ViewerTimeline timeline;
  private final Sink sink;
  private final LongSupplier nanoClock;
  private final Bytes[] sentPackets = new Bytes[HISTORY];
  private final int[] sentSequence = new int[HISTORY];
  private final long[] sentTimestamp = new long[HISTORY];
  private int rtxSequence;
  private long packets;
  private long payloadOctets;
  private long retransmitted;
  private long lastSendNanos;

  VideoSender(Tracks tracks, OutboundSrtpContext srtp, ViewerTimeline timeline, Sink sink, LongSupplier nanoClock) {
    this.ssrc = tracks.ssrc();
    this.payloadType = tracks.payloadType();
    this.rtxSsrc = tracks.rtxSsrc();
    this.rtxPayloadType = tracks.rtxPayloadType();
    this.cname = tracks.cname();
    this.srtp = srtp;
    this.timeline = timeline;
    this.sink = sink;
    this.nanoClock = nanoClock;
    this.rtxSequence = tracks.firstRtxSequence() & 0xffff;
    java.util.Arrays.fill(sentSequence, -1);
  }

  /**
   * What the viewer negotiated: SSRCs of media and RTX, payload types, CNAME.
   *
   * @param rtxPayloadType empty when the answer refused RTX; NACKs are then not answered
   */
  record Tracks(long ssrc, int payloadType, long rtxSsrc, OptionalInt rtxPayloadType, String cname,
      int firstRtxSequence) {}

  /**
   * Sends one packet of the stream.
   *
   * @param rtp the shared encoded packet; not modified
   * @param streamTimestamp its timestamp on the stream's timeline, unwrapped
   * @param replay whether it is replayed from the GOP cache (a burst) rather than live
   */
  void send(Bytes rtp, long streamTimestamp, boolean replay) {
    int sequence = timeline.nextSequence();
    long timestamp = replay ? timeline.burst(streamTimestamp) : timeline.live(streamTimestamp);
    int slot = sequence & (HISTORY - 1);
    sentPackets[slot] = rtp;
    sentSequence[slot] = sequence;
    sentTimestamp[slot] = timestamp;

    int length = rtp.size();
    byte[] out = new byte[length + srtp.profile().srtpOverhead()];
    rtp.copyTo(out, 0);
    RtpHeaderRewriter.rewrite(out, 0, length, ssrc, sequence, timestamp & 0xffffffffL);
    RtpHeaderRewriter.setPayloadType(out, 0, length, payloadType);
    protectAndSend(out, length);
    packets++;
    payloadOctets += length - HEADER;
    lastSendNanos = nanoClock.getAsLong();
  }

  /**
   * Resends the packet sent with {@code sequence} on the RTX stream.
   *
   * @return false when RTX was not negotiated or the packet has left the history
   */
  boolean retransmit(int sequence) {
    int slot = sequence & (HISTORY - 1);
    if (rtxPayloadType.isEmpty() || sentSequence[slot] != sequence) {
      return false;
    }
    Bytes original = sentPackets[slot];
    int payload = original.size() - HEADER;
    byte[] out = new byte[HEADER + OSN + payload + srtp.profile().srtpOverhead()];
    original.copyTo(0, out, 0, HEADER);
    out[HEADER] = (byte) (sequence >>> 8);
    out[HEADER + 1] = (byte) sequence;
    original.copyTo(HEADER, out, HEADER + OSN, payload);
    int length = HEADER + OSN + payload;
    RtpHeaderRewriter.rewrite(out, 0, length, rtxSsrc, rtxSequence, sentTimestamp[slot] & 0xffffffffL);
    RtpHeaderRewriter.setPayloadType(out, 0, length, rtxPayloadType.getAsInt());
    rtxSequence = (rtxSequence + 1) & 0xffff;
    protectAndSend(out, length);
    retransmitted++;
    return true;
  }

  /** A sender report with the CNAME, protected and sent; nothing before the first packet. */
  void sendReport(Instant now) {
    if (packets == 0) {
      return;
    }
    long elapsed90k = (nanoClock.getAsLong() - lastSendNanos) * 90 / 1_000_000;
    long rtpNow = (timeline.lastTimestamp() + elapsed90k) & 0xffffffffL;
    SenderReport report = SenderReport.of(ssrc, NtpTime.fromInstant(now), rtpNow,
        packets & 0xffffffffL, payloadOctets & 0xffffffffL, List.of());
    byte[] plain = RtcpCompound.of(report, SourceDescription.cname(ssrc, cname)).encode();
    byte[] out = java.util.Arrays.copyOf(plain, plain.length + srtp.profile().srtcpOverhead());
    try {
      sink.send(out, srtp.protectRtcp(out, 0, plain.length));
    } catch (SrtpException e) {
      throw new IllegalStateException("our own sender report is not RTCP: " + e.getMessage(), e);
    }
  }

  long packetsSent() {
    return packets;
  }

  long retransmitted() {
    return retransmitted;
  }

  private void protectAndSend(byte[] out, int length) {
    try {
      sink.send(out, srtp.protectRtp(out, 0, length));
    } catch (SrtpException e) {
      // every index is new by construction (one sequence counter per SSRC): a failure is a bug
      throw new IllegalStateException("SRTP refused a packet of our own numbering: " + e.getMessage(), e);
    }
  }
}
