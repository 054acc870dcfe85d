package dev.junction.media.h264;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups NAL units of an Annex B stream into access units, where RTP has no timestamps to do it.
 *
 * <p>The rule, after H.264 §7.4.1.2.3 (order of NAL units and detection of the first VCL NAL unit
 * of a primary coded picture), in the simplified form ffmpeg's parser also uses: a new access
 * unit begins at
 *
 * <ul>
 *   <li>an access unit delimiter (type 9), always the first NAL unit of its access unit;
 *   <li>an SPS, PPS, SEI or type 14–18 NAL unit that follows a coded slice of the current access
 *       unit ("shall not follow the last VCL NAL unit of the primary coded picture");
 *   <li>a coded slice (type 1, 2 or 5) with {@code first_mb_in_slice} = 0 when the current
 *       access unit already has a slice.
 * </ul>
 *
 * End of sequence (10) and end of stream (11) end the access unit they are in. Everything else
 * (partitions B and C, filler, SPS extension, auxiliary and extension slices) joins the current
 * one. Not handled: arbitrary slice order (Baseline's ASO, where a picture's slice 0 need not
 * come first) and redundant pictures, neither of which cameras or x264 produce.
 *
 * <p>Confined to one thread; one instance per stream.
 */
public final class AccessUnitSplitter {

  private final List<NalUnit> current = new ArrayList<>();
  private boolean currentHasSlice;

  /** Splits a whole stream. */
  public static List<AccessUnit> split(List<NalUnit> nalUnits) {
    AccessUnitSplitter splitter = new AccessUnitSplitter();
    List<AccessUnit> out = new ArrayList<>();
    for (NalUnit nal : nalUnits) {
      splitter.push(nal).ifPresent(out::add);
    }
    splitter.flush().ifPresent(out::add);
    return out;
  }

  /** Adds the next NAL unit; returns the access unit it completed, if it completed one. */
  public Optional<AccessUnit> push(NalUnit nal) {
    NalUnitType type = nal.type();
    Optional<AccessUnit> completed = Optional.empty();
    if (beginsAccessUnit(nal, type)) {
      completed = flush();
    }
    current.add(nal);
    currentHasSlice |= isPrimarySlice(type);
    if (type == NalUnitType.END_OF_SEQUENCE || type == NalUnitType.END_OF_STREAM) {
      // The stream cannot complete two access units with one NAL unit: this one began no new one,
      // since neither type does.
      return flush();
    }
    return completed;
  }

  /** The access unit in progress, if any, now complete: call at the end of a stream. */
  public Optional<AccessUnit> flush() {
    if (current.isEmpty()) {
      return Optional.empty();
    }
    AccessUnit unit = new AccessUnit(current);
    current.clear();
    currentHasSlice = false;
    return Optional.of(unit);
  }

  private boolean beginsAccessUnit(NalUnit nal, NalUnitType type) {
    if (current.isEmpty()) {
      return false;
    }
    return switch (type) {
      case ACCESS_UNIT_DELIMITER -> true;
      case SPS, PPS, SEI, PREFIX, SUBSET_SPS, DEPTH_PARAMETER_SET, RESERVED_17, RESERVED_18 -> currentHasSlice;
      case SLICE_NON_IDR, SLICE_IDR, SLICE_DATA_PARTITION_A -> currentHasSlice && SliceHeader.beginsPicture(nal);
      default -> false;
    };
  }

  private static boolean isPrimarySlice(NalUnitType type) {
    return type == NalUnitType.SLICE_NON_IDR || type == NalUnitType.SLICE_IDR
        || type == NalUnitType.SLICE_DATA_PARTITION_A;
  }
}
