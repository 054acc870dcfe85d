package dev.junction.media.srtp;

/**
 * The cryptographic transform of one profile, keyed for one direction: encrypts and tags, or
 * checks and decrypts, one packet whose index the context has already determined. It knows the
 * wire layout of its profile and nothing of streams, ROC or replay.
 *
 * <p>Implementations hold a reused {@code Cipher} (and {@code Mac}) per session key and
 * preallocated IV buffers: not thread-safe, owned by one context.
 */
sealed interface PacketTransform permits AeadAesGcmTransform, AesCmHmacSha1Transform {

  /** The transform for a master key's profile, with SRTP and SRTCP session keys derived from it. */
  static PacketTransform create(SrtpMasterKey master) {
    SessionKeys srtp = KeyDerivation.srtp(master);
    SessionKeys srtcp = KeyDerivation.srtcp(master);
    return switch (master.profile()) {
      case AEAD_AES_128_GCM -> new AeadAesGcmTransform(srtp, srtcp);
      case AES_CM_128_HMAC_SHA1_80 -> new AesCmHmacSha1Transform(srtp, srtcp);
    };
  }

  /**
   * Encrypts the payload of the RTP packet at {@code src[srcOffset..+length]} and appends the tag,
   * writing the SRTP packet to {@code dst[dstOffset..]} (which may be {@code src} at the same
   * offset, the caller checked the room).
   *
   * @return the SRTP packet's length
   */
  int protectRtp(byte[] src, int srcOffset, int headerLength, int length, byte[] dst, int dstOffset,
      int ssrc, long index);

  /**
   * Verifies the tag of the SRTP packet at {@code packet[offset..+length]} and decrypts it in
   * place.
   *
   * @return the RTP packet's length
   * @throws SrtpException ({@code AUTHENTICATION_FAILED}) if the tag does not verify
   */
  int unprotectRtp(byte[] packet, int offset, int headerLength, int length, int ssrc, long index)
      throws SrtpException;

  /**
   * Encrypts the RTCP packet at {@code src[srcOffset..+length]} after its first 8 bytes, sets the
   * E flag and {@code srtcpIndex}, and appends the tag, writing to {@code dst[dstOffset..]}.
   *
   * @return the SRTCP packet's length
   */
  int protectRtcp(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset, int ssrc, int srtcpIndex);

  /**
   * Verifies the tag of the SRTCP packet at {@code packet[offset..+length]} and, if its E flag is
   * set, decrypts it in place.
   *
   * @param eAndIndex the 32-bit word at {@link #srtcpIndexOffset}: E flag and SRTCP index
   * @return the RTCP packet's length
   * @throws SrtpException ({@code AUTHENTICATION_FAILED}) if the tag does not verify
   */
  int unprotectRtcp(byte[] packet, int offset, int length, int ssrc, int eAndIndex) throws SrtpException;

  /** Where the E flag and SRTCP index sit in an SRTCP packet of {@code length} bytes. */
  int srtcpIndexOffset(int length);
}
