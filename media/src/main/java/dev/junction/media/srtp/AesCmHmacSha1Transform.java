package dev.junction.media.srtp;

import dev.junction.media.srtp.SrtpException.Reason;

/**
 * AES_CM_128_HMAC_SHA1_80 for SRTP and SRTCP, RFC 3711.
 *
 * <pre>
 *   SRTP  (§3.1): | RTP header | encrypted payload | auth tag (10) |
 *                 &lt;------ authenticated portion ------&gt;
 *   SRTCP (§3.4): | header, SSRC | encrypted | E | SRTCP index | auth tag (10) |
 *                 &lt;------------- authenticated portion -------------&gt;
 * </pre>
 *
 * <p>Encrypt-then-MAC: the sender encrypts, then tags the ciphertext; the receiver checks the tag
 * before it decrypts anything (§3.3 steps 4 and 5), so a forged packet is never decrypted and its
 * bytes are left as they came.
 */
final class AesCmHmacSha1Transform implements PacketTransform {

  private static final int E_FLAG = 0x80000000;
  private static final int TAG = AesCmHmacSha1.TAG_LENGTH;

  private final AesCmHmacSha1 srtp;
  private final AesCmHmacSha1 srtcp;

  AesCmHmacSha1Transform(SessionKeys srtpKeys, SessionKeys srtcpKeys) {
    this.srtp = new AesCmHmacSha1(srtpKeys);
    this.srtcp = new AesCmHmacSha1(srtcpKeys);
  }

  @Override
  public int protectRtp(byte[] src, int srcOffset, int headerLength, int length, byte[] dst, int dstOffset,
      int ssrc, long index) {
    if (src != dst) {
      System.arraycopy(src, srcOffset, dst, dstOffset, headerLength);
    }
    srtp.crypt(ssrc, index, src, srcOffset + headerLength, length - headerLength, dst, dstOffset + headerLength);
    srtp.writeTag(dst, dstOffset, length, PacketIndex.rolloverCounter(index), dstOffset + length);
    return length + TAG;
  }

  @Override
  public int unprotectRtp(byte[] packet, int offset, int headerLength, int length, int ssrc, long index)
      throws SrtpException {
    int authenticated = length - TAG;
    if (!srtp.tagMatches(packet, offset, authenticated, PacketIndex.rolloverCounter(index), offset + authenticated)) {
      throw new SrtpException(Reason.AUTHENTICATION_FAILED,
          String.format("SRTP ssrc 0x%08x index %d: authentication tag mismatch", ssrc, index));
    }
    srtp.crypt(ssrc, index, packet, offset + headerLength, authenticated - headerLength,
        packet, offset + headerLength);
    return authenticated;
  }

  @Override
  public int protectRtcp(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset, int ssrc, int srtcpIndex) {
    if (src != dst) {
      System.arraycopy(src, srcOffset, dst, dstOffset, RtcpHeader.LENGTH);
    }
    srtcp.crypt(ssrc, srtcpIndex, src, srcOffset + RtcpHeader.LENGTH, length - RtcpHeader.LENGTH,
        dst, dstOffset + RtcpHeader.LENGTH);
    Wire.putU32(dst, dstOffset + length, E_FLAG | srtcpIndex);
    int authenticated = length + SrtpProfile.SRTCP_INDEX_LENGTH;
    srtcp.writeTag(dst, dstOffset, authenticated, dstOffset + authenticated);
    return authenticated + TAG;
  }

  @Override
  public int unprotectRtcp(byte[] packet, int offset, int length, int ssrc, int eAndIndex) throws SrtpException {
    int index = eAndIndex & ~E_FLAG;
    int authenticated = length - TAG;
    if (!srtcp.tagMatches(packet, offset, authenticated, offset + authenticated)) {
      throw new SrtpException(Reason.AUTHENTICATION_FAILED,
          String.format("SRTCP ssrc 0x%08x index %d: authentication tag mismatch", ssrc, index));
    }
    int rtcpLength = authenticated - SrtpProfile.SRTCP_INDEX_LENGTH;
    if ((eAndIndex & E_FLAG) != 0) {
      srtcp.crypt(ssrc, index, packet, offset + RtcpHeader.LENGTH, rtcpLength - RtcpHeader.LENGTH,
          packet, offset + RtcpHeader.LENGTH);
    }
    return rtcpLength;
  }

  @Override
  public int srtcpIndexOffset(int length) {
    return length - TAG - SrtpProfile.SRTCP_INDEX_LENGTH;
  }
}
