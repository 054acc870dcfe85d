package dev.junction.media.h264;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes every IDR access unit carry an SPS and a PPS, so a viewer can start decoding at any
 * keyframe: many cameras send them once, or only out of band in the SDP's
 * {@code sprop-parameter-sets} (anchors §8: "makes sure SPS/PPS precede every IDR").
 *
 * <p>It remembers the latest SPS and PPS it has seen (or was {@link #seed seeded} with). An IDR
 * access unit that lacks one gets the remembered one inserted: a missing SPS right after the
 * access unit delimiter if there is one, else first; a missing PPS right after the SPS, since a
 * decoder reads a PPS against its SPS. Other access units pass unchanged. Only one SPS and one
 * PPS are remembered, the latest of each, which is enough for cameras (one of each, id 0).
 *
 * <p>Confined to one thread; one instance per stream.
 */
public final class ParameterSetNormaliser {

  private NalUnit sps;
  private NalUnit pps;
  private long keyframesWithoutParameterSets;

  /** Parameter sets known before the stream starts, e.g. from {@code sprop-parameter-sets}. */
  public void seed(NalUnit sequenceParameterSet, NalUnit pictureParameterSet) {
    if (sequenceParameterSet.type() != NalUnitType.SPS || pictureParameterSet.type() != NalUnitType.PPS) {
      throw new IllegalArgumentException("seed with an SPS (type 7) and a PPS (type 8), got "
          + sequenceParameterSet.type() + " and " + pictureParameterSet.type());
    }
    this.sps = sequenceParameterSet;
    this.pps = pictureParameterSet;
  }

  /** The access unit with SPS and PPS before its IDR slices if it is a keyframe; otherwise as it is. */
  public AccessUnit normalise(AccessUnit unit) {
    boolean hasSps = false;
    boolean hasPps = false;
    for (NalUnit nal : unit.nalUnits()) {
      if (nal.type() == NalUnitType.SPS) {
        sps = nal;
        hasSps = true;
      } else if (nal.type() == NalUnitType.PPS) {
        pps = nal;
        hasPps = true;
      }
    }
    if (!unit.isKeyframe() || hasSps && hasPps) {
      return unit;
    }
    if (!hasSps && sps == null || !hasPps && pps == null) {
      keyframesWithoutParameterSets++;
      return unit;
    }
    List<NalUnit> out = new ArrayList<>(unit.nalUnits().size() + 2);
    List<NalUnit> in = unit.nalUnits();
    int i = 0;
    if (in.get(0).type() == NalUnitType.ACCESS_UNIT_DELIMITER) {
      out.add(in.get(i++));
    }
    if (!hasSps) {
      out.add(sps);
    }
    boolean ppsPending = !hasPps;
    if (ppsPending && !hasSps) {
      out.add(pps);
      ppsPending = false;
    }
    for (; i < in.size(); i++) {
      out.add(in.get(i));
      if (ppsPending && in.get(i).type() == NalUnitType.SPS) {
        out.add(pps);
        ppsPending = false;
      }
    }
    return new AccessUnit(out);
  }

  /** The latest SPS seen, for SDP and for the stream's profile-level-id. */
  public Optional<NalUnit> sps() {
    return Optional.ofNullable(sps);
  }

  /** The latest PPS seen. */
  public Optional<NalUnit> pps() {
    return Optional.ofNullable(pps);
  }

  /** IDR access units that lacked parameter sets this instance did not know yet, so passed unchanged. */
  public long keyframesWithoutParameterSets() {
    return keyframesWithoutParameterSets;
  }
}
