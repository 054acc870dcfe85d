package dev.junction.media.srtp;

import dev.junction.media.srtp.SrtpException.Reason;
import java.util.Objects;

/**
 * Unprotects the SRTP and SRTCP packets the peer sends, under the peer's write key (RFC 3711 §3.3
 * and §3.4, receiver side), in place.
 *
 * <p>The receiver's processing of RFC 3711 §3.3, in its order (step numbers are the RFC's):
 *
 * <ol>
 *   <li value="2">estimate the packet index from the sequence number and the stream's highest
 *       index so far (§3.3.1, Appendix A; a new SSRC starts at ROC 0), or read the SRTCP index;
 *   <li value="5">refuse a replayed index, or one older than the {@value ReplayWindow#SIZE}-packet
 *       window ("If the packet is judged to be replayed, then the packet MUST be discarded"); then
 *       verify the tag ("If the result is "AUTHENTICATION FAILURE" ..., the packet MUST be
 *       discarded from further processing") — for AES-CM before decrypting anything, for GCM as
 *       part of decryption;
 *   <li value="6">decrypt;
 *   <li value="7">only now update the ROC, s_l and the replay list — and create the stream's state
 *       on its first authentic packet, so forged packets with random SSRCs cost no memory.
 * </ol>
 *
 * <p>A refused packet throws {@link SrtpException} and changes no state. With AES-CM its bytes
 * are left as they came, since nothing is decrypted before the tag checks; with GCM, SunJCE
 * (JDK 17) also verifies before it writes any plaintext, but the JCE does not promise that of
 * every provider, so treat a refused packet's buffer as garbage.
 *
 * <p>SRTCP packets with E=0 (authenticated, not encrypted) are accepted, as §3.4 requires; we
 * never send them.
 *
 * <p><b>Threading:</b> not thread-safe. Confined to one thread, normally the event loop of the
 * transport that receives from this peer; it reuses its {@code Cipher}, {@code Mac} and IV buffers
 * for every packet.
 */
public final class InboundSrtpContext {

  private final SrtpProfile profile;
  private final PacketTransform transform;
  private final SsrcTable<ReplayWindow> rtpStreams = new SsrcTable<>();
  private final SsrcTable<ReplayWindow> rtcpStreams = new SsrcTable<>();

  private InboundSrtpContext(SrtpProfile profile, PacketTransform transform) {
    this.profile = profile;
    this.transform = transform;
  }

  /** A context decrypting under {@code peerWriteKey}, from which it derives the session keys. */
  public static InboundSrtpContext create(SrtpMasterKey peerWriteKey) {
    return new InboundSrtpContext(peerWriteKey.profile(), PacketTransform.create(peerWriteKey));
  }

  /** A context over already derived session keys: for the RFC test vectors, which give those. */
  static InboundSrtpContext withTransform(SrtpProfile profile, PacketTransform transform) {
    return new InboundSrtpContext(profile, transform);
  }

  public SrtpProfile profile() {
    return profile;
  }

  /**
   * Authenticates and decrypts the SRTP packet at {@code packet[offset..offset+length)} in place.
   *
   * @return the RTP packet's length, {@code length - profile().srtpOverhead()}; the RTP packet
   *     starts at {@code offset}
   * @throws SrtpException if the packet is malformed, replayed, too old, or does not authenticate
   */
  public int unprotectRtp(byte[] packet, int offset, int length) throws SrtpException {
    Objects.checkFromIndexSize(offset, length, packet.length);
    int headerLength = RtpHeader.length(packet, offset, length);
    if (length - headerLength < profile.srtpOverhead()) {
      throw new SrtpException(Reason.MALFORMED, String.format(
          "SRTP packet of %d bytes has no room for a %d-byte tag after its %d-byte header",
          length, profile.srtpOverhead(), headerLength));
    }
    int ssrc = RtpHeader.ssrc(packet, offset);
    int seq = RtpHeader.sequenceNumber(packet, offset);

    ReplayWindow seen = rtpStreams.get(ssrc);
    long index = PacketIndex.estimate(seen == null ? -1 : seen.highest(), seq);
    if (index == PacketIndex.BEFORE_START) {
      throw new SrtpException(Reason.TOO_OLD,
          String.format("SRTP ssrc 0x%08x seq %d: before the stream's first packet (ROC would be -1)", ssrc, seq));
    }
    if (seen != null) {
      refuseSeen(seen, index, "SRTP", ssrc);
    } else {
      refuseIfFull(rtpStreams, "SRTP", ssrc);
    }
    int rtpLength = transform.unprotectRtp(packet, offset, headerLength, length, ssrc, index);
    if (seen == null) {
      seen = new ReplayWindow();
      rtpStreams.add(ssrc, seen);
    }
    seen.accept(index);
    return rtpLength;
  }

  /**
   * Authenticates and, if its E flag is set, decrypts the SRTCP packet at {@code
   * packet[offset..offset+length)} in place.
   *
   * @return the RTCP packet's length, {@code length - profile().srtcpOverhead()}
   * @throws SrtpException if the packet is malformed, replayed, too old, or does not authenticate
   */
  public int unprotectRtcp(byte[] packet, int offset, int length) throws SrtpException {
    Objects.checkFromIndexSize(offset, length, packet.length);
    RtcpHeader.check(packet, offset, length, RtcpHeader.LENGTH + profile.srtcpOverhead());
    int ssrc = RtcpHeader.ssrc(packet, offset);
    int eAndIndex = Wire.u32(packet, offset + transform.srtcpIndexOffset(length));
    long index = eAndIndex & 0x7fffffffL;

    ReplayWindow seen = rtcpStreams.get(ssrc);
    if (seen != null) {
      refuseSeen(seen, index, "SRTCP", ssrc);
    } else {
      refuseIfFull(rtcpStreams, "SRTCP", ssrc);
    }
    int rtcpLength = transform.unprotectRtcp(packet, offset, length, ssrc, eAndIndex);
    if (seen == null) {
      seen = new ReplayWindow();
      rtcpStreams.add(ssrc, seen);
    }
    seen.accept(index);
    return rtcpLength;
  }

  /** The rollover counter of {@code ssrc}'s highest authentic packet, or -1 if none: for tests and stats. */
  long rolloverCounter(int ssrc) {
    ReplayWindow seen = rtpStreams.get(ssrc);
    return seen == null || seen.highest() < 0 ? -1 : PacketIndex.rolloverCounter(seen.highest());
  }

  private static void refuseSeen(ReplayWindow seen, long index, String kind, int ssrc) throws SrtpException {
    Reason refused = seen.check(index);
    if (refused != null) {
      throw new SrtpException(refused, String.format("%s ssrc 0x%08x index %d: %s", kind, ssrc, index,
          refused == Reason.REPLAYED ? "replayed" : "older than the replay window of " + ReplayWindow.SIZE));
    }
  }

  private static void refuseIfFull(SsrcTable<ReplayWindow> streams, String kind, int ssrc) throws SrtpException {
    if (streams.isFull()) {
      throw new SrtpException(Reason.TOO_MANY_STREAMS, String.format(
          "%s ssrc 0x%08x: already receiving %d streams", kind, ssrc, SsrcTable.MAX_STREAMS));
    }
  }

  @Override
  public String toString() {
    return "InboundSrtpContext[" + profile + ", " + rtpStreams.size() + " SRTP streams]";
  }
}
