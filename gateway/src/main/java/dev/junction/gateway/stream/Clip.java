package dev.junction.gateway.stream;

import dev.junction.stun.Bytes;
import dev.junction.media.h264.AccessUnit;
import dev.junction.media.h264.AccessUnitSplitter;
import dev.junction.media.h264.AnnexB;
import dev.junction.media.h264.H264ParseException;
import dev.junction.media.h264.NalUnitType;
import dev.junction.media.h264.ParameterSetNormaliser;
import dev.junction.media.h264.Sps;
import java.util.ArrayList;
import java.util.List;

/**
 * An H.264 Annex B clip held in memory as access units, each keyframe preceded by its SPS and
 * PPS, for playing in a loop as a camera. The clip must start with a keyframe, or a viewer
 * joining at the loop point would wait for the next one.
 */
public final class Clip {

  private final List<AccessUnit> accessUnits;
  private final Sps sps;

  private Clip(List<AccessUnit> accessUnits, Sps sps) {
    this.accessUnits = List.copyOf(accessUnits);
    this.sps = sps;
  }

  /** Parses {@code annexB}; throws when it is not H.264 or does not start with a keyframe. */
  public static Clip parse(byte[] annexB) throws H264ParseException {
    ParameterSetNormaliser normaliser = new ParameterSetNormaliser();
    List<AccessUnit> units = new ArrayList<>();
    for (AccessUnit unit : AccessUnitSplitter.split(AnnexB.split(Bytes.of(annexB)))) {
      units.add(normaliser.normalise(unit));
    }
    if (units.isEmpty() || !units.get(0).isKeyframe()) {
      throw new H264ParseException("a camera clip must start with an IDR picture");
    }
    Sps sps = Sps.parse(units.get(0).first(NalUnitType.SPS)
        .orElseThrow(() -> new H264ParseException("the first keyframe has no SPS")));
    return new Clip(units, sps);
  }

  public List<AccessUnit> accessUnits() {
    return accessUnits;
  }

  /** The stream's sequence parameter set: profile, level, picture size. */
  public Sps sps() {
    return sps;
  }
}
