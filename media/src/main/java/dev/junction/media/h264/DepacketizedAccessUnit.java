package dev.junction.media.h264;

import java.util.Objects;

/**
 * An access unit rebuilt from RTP, with its timestamp.
 *
 * @param timestamp the RTP timestamp of its packets (90 kHz)
 * @param accessUnit the NAL units that arrived whole
 * @param intact false if a packet of this access unit may have been lost (a sequence gap, a broken
 *     FU-A, a missing marker): a decoder should then wait for the next keyframe
 */
public record DepacketizedAccessUnit(long timestamp, AccessUnit accessUnit, boolean intact) {

  public DepacketizedAccessUnit {
    Objects.requireNonNull(accessUnit, "accessUnit");
  }
}
