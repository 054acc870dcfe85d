package dev.junction.media.h264;

/**
 * {@code nal_unit_type} (H.264 Table 7-1), with the types RFC 6184 §5.2 (Table 1) gives to the
 * values H.264 leaves unspecified: 24–29 are RTP packet structures, never NAL units of a stream.
 */
public enum NalUnitType {
  UNSPECIFIED_0(0),
  SLICE_NON_IDR(1),
  SLICE_DATA_PARTITION_A(2),
  SLICE_DATA_PARTITION_B(3),
  SLICE_DATA_PARTITION_C(4),
  SLICE_IDR(5),
  SEI(6),
  SPS(7),
  PPS(8),
  ACCESS_UNIT_DELIMITER(9),
  END_OF_SEQUENCE(10),
  END_OF_STREAM(11),
  FILLER_DATA(12),
  SPS_EXTENSION(13),
  PREFIX(14),
  SUBSET_SPS(15),
  DEPTH_PARAMETER_SET(16),
  RESERVED_17(17),
  RESERVED_18(18),
  AUXILIARY_SLICE(19),
  SLICE_EXTENSION(20),
  SLICE_EXTENSION_DEPTH(21),
  RESERVED_22(22),
  RESERVED_23(23),
  STAP_A(24),
  STAP_B(25),
  MTAP16(26),
  MTAP24(27),
  FU_A(28),
  FU_B(29),
  UNSPECIFIED_30(30),
  UNSPECIFIED_31(31);

  private static final NalUnitType[] BY_VALUE = values();

  private final int value;

  NalUnitType(int value) {
    this.value = value;
  }

  /** The 5-bit value. */
  public int value() {
    return value;
  }

  /** The type with this 5-bit value. */
  public static NalUnitType of(int value) {
    if (value < 0 || value > 31) {
      throw new IllegalArgumentException("nal_unit_type is 5 bits, got " + value);
    }
    return BY_VALUE[value];
  }

  /** Coded slices of the primary picture (types 1–5): the VCL NAL units of H.264 Annex A. */
  public boolean isVcl() {
    return value >= 1 && value <= 5;
  }

  /** Types that may appear in an H.264 stream and be carried by RTP (1–23). */
  public boolean isStreamType() {
    return value >= 1 && value <= 23;
  }
}
