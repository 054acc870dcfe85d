package dev.junction.media.h264;

import java.util.List;
import java.util.Optional;

/**
 * The NAL units of one picture (H.264 §7.4.1.2.3): optional AUD, SPS, PPS and SEI, then the
 * coded slices. Everything RTP sends with one timestamp; the last packet carries the marker.
 *
 * @param nalUnits one or more NAL units, in decoding order
 */
public record AccessUnit(List<NalUnit> nalUnits) {

  public AccessUnit {
    nalUnits = List.copyOf(nalUnits);
    if (nalUnits.isEmpty()) {
      throw new IllegalArgumentException("an access unit holds at least one NAL unit");
    }
  }

  public static AccessUnit of(NalUnit... nalUnits) {
    return new AccessUnit(List.of(nalUnits));
  }

  /**
   * True if the picture is an IDR picture, from which a decoder can start: it holds a slice of
   * type 5. Recovery-point SEI (open GOP, intra refresh) does not count.
   */
  public boolean isKeyframe() {
    return contains(NalUnitType.SLICE_IDR);
  }

  public boolean contains(NalUnitType type) {
    return nalUnits.stream().anyMatch(nal -> nal.type() == type);
  }

  /** The first NAL unit of this type. */
  public Optional<NalUnit> first(NalUnitType type) {
    return nalUnits.stream().filter(nal -> nal.type() == type).findFirst();
  }

  /** Bytes of all NAL units, without start codes. */
  public int size() {
    int size = 0;
    for (NalUnit nal : nalUnits) {
      size += nal.size();
    }
    return size;
  }

  @Override
  public String toString() {
    return "AccessUnit" + nalUnits;
  }
}
