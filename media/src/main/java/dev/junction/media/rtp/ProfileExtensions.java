package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
/** Reads what follows the report blocks of an SR or RR (RFC 3550 §6.4.1), kept opaque. */
final class ProfileExtensions {

  private ProfileExtensions() {}

  static Bytes decode(WireReader body) throws RtpParseException {
    if (body.remaining() % 4 != 0) {
      throw new RtpParseException("profile-specific extensions of " + body.remaining()
          + " bytes: RFC 3550 §6.4.1 makes them whole 32-bit words");
    }
    return body.bytes(body.remaining(), "profile-specific extensions");
  }
}
