package dev.junction.media.h264;

/** {@code slice_type} modulo 5 (H.264 Table 7-6); values 5–9 say every slice of the picture has that type. */
public enum SliceType {
  P, B, I, SP, SI;

  static SliceType of(int sliceType) {
    return values()[sliceType % 5];
  }
}
