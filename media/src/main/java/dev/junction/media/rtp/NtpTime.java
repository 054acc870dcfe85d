package dev.junction.media.rtp;

import java.time.Instant;

/**
 * 64-bit NTP timestamps as RTCP carries them (RFC 3550 §4): seconds since 1900-01-01 in the high
 * 32 bits, the fraction of a second in the low 32. Held in a {@code long} with unsigned meaning.
 */
public final class NtpTime {

  /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
  public static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

  private NtpTime() {}

  /** The NTP timestamp of {@code instant} (era 0, which ends in 2036). */
  public static long fromInstant(Instant instant) {
    long seconds = instant.getEpochSecond() + EPOCH_OFFSET_SECONDS;
    long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
    return seconds << 32 | fraction;
  }

  /** The instant of an era-0 NTP timestamp, to the nanosecond (rounded down). */
  public static Instant toInstant(long ntp) {
    long seconds = (ntp >>> 32) - EPOCH_OFFSET_SECONDS;
    long nanos = ((ntp & Unsigned.MAX_U32) * 1_000_000_000L) >>> 32;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The middle 32 bits, as report blocks carry them in LSR (RFC 3550 §6.4.1). */
  public static long middle32(long ntp) {
    return (ntp >>> 16) & Unsigned.MAX_U32;
  }
}
