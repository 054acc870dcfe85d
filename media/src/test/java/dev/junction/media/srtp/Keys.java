package dev.junction.media.srtp;

import java.util.Random;

/** Master keys for the tests, reproducible from a seed. */
final class Keys {

  private Keys() {}

  static SrtpMasterKey master(SrtpProfile profile, long seed) {
    Random random = new Random(seed);
    byte[] key = new byte[profile.keyLength()];
    byte[] salt = new byte[profile.saltLength()];
    random.nextBytes(key);
    random.nextBytes(salt);
    return SrtpMasterKey.of(profile, key, salt);
  }

  /** A sender and a receiver sharing one master key: one direction of a session. */
  static SrtpContexts oneDirection(SrtpProfile profile) {
    SrtpMasterKey key = master(profile, 42);
    return new SrtpContexts(OutboundSrtpContext.create(key), InboundSrtpContext.create(key));
  }
}
