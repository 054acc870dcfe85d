package dev.junction.media.srtp;

import dev.junction.media.srtp.SrtpException.Reason;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

/**
 * AEAD_AES_128_GCM for SRTP and SRTCP, RFC 7714.
 *
 * <p>SRTP (§8.2): the RTP header is the associated data, the payload the plaintext; the 16-byte
 * tag follows the ciphertext.
 *
 * <pre>
 *   | RTP header (AAD) | ciphertext | tag (16) |
 * </pre>
 *
 * <p>SRTCP (§9.2, §9.3): "the associated data is the first 8 octets of the RTCP packet ... and the
 * E flag and SRTCP index" (E=1); with E=0 the whole RTCP packet is associated data and the
 * plaintext is empty. Note the layout: the tag comes before the E flag and index.
 *
 * <pre>
 *   | header, SSRC (AAD) | ciphertext | tag (16) |E| SRTCP index (AAD) |
 * </pre>
 */
final class AeadAesGcmTransform implements PacketTransform {

  private static final int E_FLAG = 0x80000000;

  private final AesGcm srtp;
  private final AesGcm srtcp;
  private final byte[] trailer = new byte[SrtpProfile.SRTCP_INDEX_LENGTH];

  AeadAesGcmTransform(SessionKeys srtpKeys, SessionKeys srtcpKeys) {
    this.srtp = new AesGcm(srtpKeys);
    this.srtcp = new AesGcm(srtcpKeys);
  }

  @Override
  public int protectRtp(byte[] src, int srcOffset, int headerLength, int length, byte[] dst, int dstOffset,
      int ssrc, long index) {
    srtp.start(Cipher.ENCRYPT_MODE, ssrc, index);
    srtp.associate(src, srcOffset, headerLength);
    int sealed = srtp.seal(src, srcOffset + headerLength, length - headerLength, dst, dstOffset + headerLength);
    if (src != dst) {
      System.arraycopy(src, srcOffset, dst, dstOffset, headerLength);
    }
    return headerLength + sealed;
  }

  @Override
  public int unprotectRtp(byte[] packet, int offset, int headerLength, int length, int ssrc, long index)
      throws SrtpException {
    srtp.start(Cipher.DECRYPT_MODE, ssrc, index);
    srtp.associate(packet, offset, headerLength);
    try {
      return headerLength
          + srtp.open(packet, offset + headerLength, length - headerLength, packet, offset + headerLength);
    } catch (AEADBadTagException e) {
      throw new SrtpException(Reason.AUTHENTICATION_FAILED,
          String.format("SRTP ssrc 0x%08x index %d: authentication tag mismatch", ssrc, index));
    }
  }

  @Override
  public int protectRtcp(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset, int ssrc, int srtcpIndex) {
    int word = E_FLAG | srtcpIndex;
    Wire.putU32(trailer, 0, word);
    srtcp.start(Cipher.ENCRYPT_MODE, ssrc, srtcpIndex);
    srtcp.associate(src, srcOffset, RtcpHeader.LENGTH);
    srtcp.associate(trailer, 0, trailer.length);
    int sealed = srtcp.seal(src, srcOffset + RtcpHeader.LENGTH, length - RtcpHeader.LENGTH,
        dst, dstOffset + RtcpHeader.LENGTH);
    if (src != dst) {
      System.arraycopy(src, srcOffset, dst, dstOffset, RtcpHeader.LENGTH);
    }
    Wire.putU32(dst, dstOffset + RtcpHeader.LENGTH + sealed, word);
    return RtcpHeader.LENGTH + sealed + trailer.length;
  }

  @Override
  public int unprotectRtcp(byte[] packet, int offset, int length, int ssrc, int eAndIndex) throws SrtpException {
    int index = eAndIndex & ~E_FLAG;
    int trailerAt = offset + srtcpIndexOffset(length);
    srtcp.start(Cipher.DECRYPT_MODE, ssrc, index);
    try {
      if ((eAndIndex & E_FLAG) != 0) {
        srtcp.associate(packet, offset, RtcpHeader.LENGTH);
        srtcp.associate(packet, trailerAt, SrtpProfile.SRTCP_INDEX_LENGTH);
        int encrypted = length - SrtpProfile.SRTCP_INDEX_LENGTH - RtcpHeader.LENGTH;
        return RtcpHeader.LENGTH
            + srtcp.open(packet, offset + RtcpHeader.LENGTH, encrypted, packet, offset + RtcpHeader.LENGTH);
      }
      // E = 0: authenticated only. The RTCP packet and the trailer are all associated data.
      int rtcpLength = length - SrtpProfile.SRTCP_INDEX_LENGTH - AesGcm.TAG_LENGTH;
      srtcp.associate(packet, offset, rtcpLength);
      srtcp.associate(packet, trailerAt, SrtpProfile.SRTCP_INDEX_LENGTH);
      srtcp.open(packet, offset + rtcpLength, AesGcm.TAG_LENGTH, packet, offset + rtcpLength);
      return rtcpLength;
    } catch (AEADBadTagException e) {
      throw new SrtpException(Reason.AUTHENTICATION_FAILED,
          String.format("SRTCP ssrc 0x%08x index %d: authentication tag mismatch", ssrc, index));
    }
  }

  @Override
  public int srtcpIndexOffset(int length) {
    return length - SrtpProfile.SRTCP_INDEX_LENGTH;
  }
}
