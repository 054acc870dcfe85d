package dev.junction.media.h264;

/**
 * The first fields of a slice header (H.264 §7.3.3), enough to find picture boundaries and
 * B-frames without decoding the slice:
 *
 * <pre>
 * first_mb_in_slice      ue(v)
 * slice_type             ue(v)   0–9, Table 7-6
 * pic_parameter_set_id   ue(v)   0–255
 * </pre>
 *
 * @param firstMbInSlice the address of the slice's first macroblock; 0 begins a picture
 * @param sliceType I, P, B, SP or SI
 * @param ppsId the PPS the slice refers to
 */
public record SliceHeader(int firstMbInSlice, SliceType sliceType, int ppsId) {

  /** The three fields fit in a few bytes; 64 leaves room for emulation prevention. */
  private static final int MAX_BYTES = 64;

  /** Parses the start of a coded slice (NAL unit types 1, 2 or 5). */
  public static SliceHeader parse(NalUnit nal) throws H264ParseException {
    NalUnitType type = nal.type();
    if (type != NalUnitType.SLICE_NON_IDR && type != NalUnitType.SLICE_IDR
        && type != NalUnitType.SLICE_DATA_PARTITION_A) {
      throw new H264ParseException("NAL unit type " + type.value() + " has no slice header (types 1, 2 and 5 do)");
    }
    BitReader in = BitReader.ofPayload(nal.payload(), MAX_BYTES);
    int firstMb = in.ue("first_mb_in_slice", 139_264);
    int sliceType = in.ue("slice_type", 9);
    int ppsId = in.ue("pic_parameter_set_id", 255);
    if (type == NalUnitType.SLICE_IDR && sliceType % 5 != 2 && sliceType % 5 != 4) {
      throw new H264ParseException("IDR slice of slice_type " + sliceType
          + ": an IDR picture holds only I or SI slices (§7.4.3)");
    }
    return new SliceHeader(firstMb, SliceType.of(sliceType), ppsId);
  }

  /**
   * True if the slice begins a picture: {@code first_mb_in_slice} is 0, which a ue(v) codes as a
   * single 1 bit, so the first payload byte's top bit tells without parsing.
   */
  static boolean beginsPicture(NalUnit nal) {
    return nal.size() > 1 && (nal.bytes().getUnsigned(1) & 0x80) != 0;
  }
}
