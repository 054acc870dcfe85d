package dev.junction.media.srtp;

import dev.junction.media.srtp.SrtpException.Reason;
import java.util.Objects;

/**
 * Protects the RTP and RTCP packets we send, under our write key (RFC 3711 §3.3 and §3.4, sender
 * side).
 *
 * <p>Per SSRC it keeps the rollover counter ("Each time the RTP sequence number, SEQ, wraps modulo
 * 2^16, the sender side MUST increment ROC by one", §3.3.1), found with Appendix A's estimation
 * applied to our own sequence numbers, so a packet forwarded after the wrap but numbered before
 * it keeps the old ROC; and the next SRTCP index ("MUST be set to zero before the first SRTCP
 * packet is sent, and MUST be incremented by one", §3.4). Where §3.4 lets the index wrap modulo
 * 2^31, this context refuses instead: a wrapped index repeats an IV, and §9.2 forbids more than
 * 2^31 SRTCP packets under one key anyway. The same goes for 2^48 SRTP packets (§3.3.1: "the
 * sender MUST NOT send any more packets with that key").
 *
 * <p><b>An index is protected once.</b> Encrypting two different packets under one (SSRC, index)
 * reuses the keystream (AES-CM) or, worse, the GCM nonce, which gives away the GHASH key and with
 * it the power to forge. So a repeated sequence number is refused with {@link Reason#REPLAYED},
 * and one older than the {@value ReplayWindow#SIZE}-packet window with {@link Reason#TOO_OLD}. To
 * retransmit, resend the bytes protected the first time, or use RTX (RFC 4588), which has its own
 * SSRC and sequence. (libwebrtc's {@code allow_repeat_tx} takes the risk instead.)
 *
 * <p><b>Threading:</b> not thread-safe. Confined to one thread, normally the event loop of the
 * transport that sends to this peer; it reuses its {@code Cipher}, {@code Mac} and IV buffers for
 * every packet.
 */
public final class OutboundSrtpContext {

  private static final int MAX_SRTCP_INDEX = 0x7fffffff;

  private final SrtpProfile profile;
  private final PacketTransform transform;
  private final SsrcTable<ReplayWindow> rtpStreams = new SsrcTable<>();
  private final SsrcTable<int[]> rtcpStreams = new SsrcTable<>();

  private OutboundSrtpContext(SrtpProfile profile, PacketTransform transform) {
    this.profile = profile;
    this.transform = transform;
  }

  /** A context encrypting under {@code writeKey}, from which it derives the session keys. */
  public static OutboundSrtpContext create(SrtpMasterKey writeKey) {
    return new OutboundSrtpContext(writeKey.profile(), PacketTransform.create(writeKey));
  }

  /** A context over already derived session keys: for the RFC test vectors, which give those. */
  static OutboundSrtpContext withTransform(SrtpProfile profile, PacketTransform transform) {
    return new OutboundSrtpContext(profile, transform);
  }

  public SrtpProfile profile() {
    return profile;
  }

  /**
   * Protects the RTP packet at {@code packet[offset..offset+length)} in place: encrypts its
   * payload and writes the tag after it. The array must have {@link SrtpProfile#srtpOverhead()}
   * bytes of room after the packet.
   *
   * @return the SRTP packet's length, {@code length + profile().srtpOverhead()}
   * @throws SrtpException if the packet is not RTP, or its index was already protected or is too
   *     old to tell
   * @throws IllegalArgumentException if the array has no room for the tag
   */
  public int protectRtp(byte[] packet, int offset, int length) throws SrtpException {
    return protectRtp(packet, offset, length, packet, offset);
  }

  /**
   * Protects the RTP packet at {@code src[srcOffset..srcOffset+length)} into {@code dst} from
   * {@code dstOffset}, leaving {@code src} as it was: a fan-out encrypts one plaintext once per
   * viewer without first copying it. {@code dst} may be {@code src} at the same offset.
   *
   * @return the SRTP packet's length, {@code length + profile().srtpOverhead()}
   * @throws SrtpException if the packet is not RTP, or its index was already protected or is too
   *     old to tell
   * @throws IllegalArgumentException if {@code dst} has no room for the packet and tag
   */
  public int protectRtp(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) throws SrtpException {
    Wire.checkBuffers(src, srcOffset, length, dst, dstOffset, profile.srtpOverhead());
    int headerLength = RtpHeader.length(src, srcOffset, length);
    int ssrc = RtpHeader.ssrc(src, srcOffset);
    int seq = RtpHeader.sequenceNumber(src, srcOffset);

    ReplayWindow sent = rtpStreams.get(ssrc);
    if (sent == null) {
      sent = new ReplayWindow();
      addStream(rtpStreams, ssrc, sent, "SRTP");
    }
    long index = PacketIndex.estimate(sent.highest(), seq);
    if (index == PacketIndex.BEFORE_START) {
      throw new SrtpException(Reason.TOO_OLD,
          String.format("SRTP ssrc 0x%08x seq %d: before the stream's first packet (ROC would be -1)", ssrc, seq));
    }
    if (index >= PacketIndex.LIMIT) {
      throw new IllegalStateException(String.format("SRTP ssrc 0x%08x: 2^48 packets sent, rekey", ssrc));
    }
    Reason refused = sent.check(index);
    if (refused != null) {
      throw new SrtpException(refused, String.format(
          "SRTP ssrc 0x%08x index %d: %s; resend the protected bytes or use RTX", ssrc, index,
          refused == Reason.REPLAYED ? "already protected once" : "older than the window of sent indices"));
    }
    sent.accept(index); // burnt before encrypting: an IV is never used twice, even after a failure
    return transform.protectRtp(src, srcOffset, headerLength, length, dst, dstOffset, ssrc, index);
  }

  /**
   * Protects the RTCP (compound) packet at {@code packet[offset..offset+length)} in place:
   * encrypts it after the first 8 bytes, adds the E flag with the next SRTCP index of its SSRC,
   * and the tag. The array must have {@link SrtpProfile#srtcpOverhead()} bytes of room after it.
   *
   * @return the SRTCP packet's length, {@code length + profile().srtcpOverhead()}
   * @throws SrtpException if the packet is not RTCP
   */
  public int protectRtcp(byte[] packet, int offset, int length) throws SrtpException {
    return protectRtcp(packet, offset, length, packet, offset);
  }

  /** Protects an RTCP packet from {@code src} into {@code dst}; see {@link #protectRtp(byte[], int, int, byte[], int)}. */
  public int protectRtcp(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) throws SrtpException {
    Wire.checkBuffers(src, srcOffset, length, dst, dstOffset, profile.srtcpOverhead());
    RtcpHeader.check(src, srcOffset, length, RtcpHeader.LENGTH);
    int ssrc = RtcpHeader.ssrc(src, srcOffset);
    int[] next = rtcpStreams.get(ssrc);
    if (next == null) {
      next = new int[1]; // "the SRTCP index ... MUST be set to zero before the first packet" (§3.4)
      addStream(rtcpStreams, ssrc, next, "SRTCP");
    }
    int index = next[0];
    if (index < 0) {
      throw new IllegalStateException(String.format("SRTCP ssrc 0x%08x: 2^31 packets sent, rekey", ssrc));
    }
    next[0] = index == MAX_SRTCP_INDEX ? -1 : index + 1;
    return transform.protectRtcp(src, srcOffset, length, dst, dstOffset, ssrc, index);
  }

  /** The rollover counter of {@code ssrc}'s last protected packet, or -1 if none: for tests and stats. */
  long rolloverCounter(int ssrc) {
    ReplayWindow sent = rtpStreams.get(ssrc);
    return sent == null || sent.highest() < 0 ? -1 : PacketIndex.rolloverCounter(sent.highest());
  }

  private static <V> void addStream(SsrcTable<V> table, int ssrc, V state, String kind) throws SrtpException {
    if (table.isFull()) {
      throw new SrtpException(Reason.TOO_MANY_STREAMS, String.format(
          "%s ssrc 0x%08x: already sending %d streams", kind, ssrc, SsrcTable.MAX_STREAMS));
    }
    table.add(ssrc, Objects.requireNonNull(state));
  }

  @Override
  public String toString() {
    return "OutboundSrtpContext[" + profile + ", " + rtpStreams.size() + " SRTP streams]";
  }
}
