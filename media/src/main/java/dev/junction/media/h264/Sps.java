package dev.junction.media.h264;

import java.util.Set;

/**
 * What a gateway needs from a sequence parameter set (H.264 §7.3.2.1.1): the profile, constraint
 * flags and level that make the SDP {@code profile-level-id}, and the picture size after cropping.
 * Parsed with emulation prevention removed; parsing stops after {@code frame_cropping}, so VUI
 * (frame rate, reorder depth) is not read.
 *
 * <pre>
 * profile_idc                           u(8)
 * constraint_set0_flag..set5_flag       u(1) × 6
 * reserved_zero_2bits                   u(2)
 * level_idc                             u(8)
 * seq_parameter_set_id                  ue(v)
 * if (profile_idc is a High-family profile) {
 *   chroma_format_idc                   ue(v)
 *   if (chroma_format_idc == 3) separate_colour_plane_flag u(1)
 *   bit_depth_luma_minus8               ue(v)
 *   bit_depth_chroma_minus8             ue(v)
 *   qpprime_y_zero_transform_bypass_flag u(1)
 *   seq_scaling_matrix_present_flag     u(1)   (then up to 12 scaling lists, skipped)
 * }
 * log2_max_frame_num_minus4             ue(v)
 * pic_order_cnt_type                    ue(v)  (then its fields)
 * max_num_ref_frames                    ue(v)
 * gaps_in_frame_num_value_allowed_flag  u(1)
 * pic_width_in_mbs_minus1               ue(v)
 * pic_height_in_map_units_minus1        ue(v)
 * frame_mbs_only_flag                   u(1)
 * if (!frame_mbs_only_flag) mb_adaptive_frame_field_flag u(1)
 * direct_8x8_inference_flag             u(1)
 * frame_cropping_flag                   u(1)
 * if (frame_cropping_flag) { left, right, top, bottom offsets ue(v) }
 * vui_parameters_present_flag           u(1)
 * </pre>
 *
 * @param profileIdc profile_idc, e.g. 66 Baseline, 77 Main, 100 High
 * @param constraintFlags the byte after profile_idc: constraint_set0_flag in the top bit, down to
 *     the two reserved bits; RFC 6184 calls it profile-iop
 * @param levelIdc level_idc, ten times the level (31 is 3.1)
 * @param id seq_parameter_set_id, 0–31
 * @param chromaFormatIdc 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param bitDepthLuma bits per luma sample, 8–14
 * @param frameMbsOnly false if the stream may hold fields (interlaced)
 * @param codedWidth luma width before cropping, a multiple of 16
 * @param codedHeight luma height before cropping
 * @param width luma width after cropping: the picture the viewer sees
 * @param height luma height after cropping
 */
public record Sps(
    int profileIdc,
    int constraintFlags,
    int levelIdc,
    int id,
    int chromaFormatIdc,
    int bitDepthLuma,
    boolean frameMbsOnly,
    int codedWidth,
    int codedHeight,
    int width,
    int height) {

  /** profile_idc values whose SPS carries chroma format, bit depth and scaling matrices. */
  private static final Set<Integer> HIGH_FAMILY = Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

  /** Enough for any SPS up to the cropping fields: scaling lists are at most a few hundred bytes. */
  private static final int MAX_BYTES = 4096;

  /** Parses an SPS NAL unit (type 7). */
  public static Sps parse(NalUnit nal) throws H264ParseException {
    if (nal.type() != NalUnitType.SPS) {
      throw new H264ParseException("not an SPS: NAL unit type " + nal.type().value() + ", an SPS is type 7");
    }
    BitReader in = BitReader.ofPayload(nal.payload(), MAX_BYTES);
    int profileIdc = in.u(8, "profile_idc");
    int constraintFlags = in.u(8, "constraint_set flags");
    int levelIdc = in.u(8, "level_idc");
    int id = in.ue("seq_parameter_set_id", 31);
    int chromaFormatIdc = 1;
    boolean separateColourPlane = false;
    int bitDepthLuma = 8;
    if (HIGH_FAMILY.contains(profileIdc)) {
      chromaFormatIdc = in.ue("chroma_format_idc", 3);
      if (chromaFormatIdc == 3) {
        separateColourPlane = in.flag("separate_colour_plane_flag");
      }
      bitDepthLuma = 8 + in.ue("bit_depth_luma_minus8", 6);
      in.ue("bit_depth_chroma_minus8", 6);
      in.flag("qpprime_y_zero_transform_bypass_flag");
      if (in.flag("seq_scaling_matrix_present_flag")) {
        int lists = chromaFormatIdc != 3 ? 8 : 12;
        for (int i = 0; i < lists; i++) {
          if (in.flag("seq_scaling_list_present_flag")) {
            skipScalingList(in, i < 6 ? 16 : 64);
          }
        }
      }
    }
    in.ue("log2_max_frame_num_minus4", 12);
    int pocType = in.ue("pic_order_cnt_type", 2);
    if (pocType == 0) {
      in.ue("log2_max_pic_order_cnt_lsb_minus4", 12);
    } else if (pocType == 1) {
      in.flag("delta_pic_order_always_zero_flag");
      in.se("offset_for_non_ref_pic");
      in.se("offset_for_top_to_bottom_field");
      int cycle = in.ue("num_ref_frames_in_pic_order_cnt_cycle", 255);
      for (int i = 0; i < cycle; i++) {
        in.se("offset_for_ref_frame");
      }
    }
    in.ue("max_num_ref_frames", 16);
    in.flag("gaps_in_frame_num_value_allowed_flag");
    // Level 6.2 allows 139264 macroblocks a frame; a side of 2048 macroblocks (32768 pixels) is beyond any level.
    int widthInMbs = in.ue("pic_width_in_mbs_minus1", 2047) + 1;
    int heightInMapUnits = in.ue("pic_height_in_map_units_minus1", 2047) + 1;
    boolean frameMbsOnly = in.flag("frame_mbs_only_flag");
    if (!frameMbsOnly) {
      in.flag("mb_adaptive_frame_field_flag");
    }
    in.flag("direct_8x8_inference_flag");
    int codedWidth = widthInMbs * 16;
    int codedHeight = (frameMbsOnly ? 1 : 2) * heightInMapUnits * 16;
    int width = codedWidth;
    int height = codedHeight;
    if (in.flag("frame_cropping_flag")) {
      // §7.4.2.1.1: CropUnitX/Y depend on ChromaArrayType (0 if separate colour planes).
      int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
      int subWidthC = chromaFormatIdc == 3 ? 1 : 2;
      int subHeightC = chromaFormatIdc == 1 ? 2 : 1;
      int cropUnitX = chromaArrayType == 0 ? 1 : subWidthC;
      int cropUnitY = (chromaArrayType == 0 ? 1 : subHeightC) * (frameMbsOnly ? 1 : 2);
      int left = in.ue("frame_crop_left_offset");
      int right = in.ue("frame_crop_right_offset");
      int top = in.ue("frame_crop_top_offset");
      int bottom = in.ue("frame_crop_bottom_offset");
      long croppedX = (long) cropUnitX * ((long) left + right);
      long croppedY = (long) cropUnitY * ((long) top + bottom);
      if (croppedX >= codedWidth || croppedY >= codedHeight) {
        throw new H264ParseException("frame cropping (" + left + ", " + right + ", " + top + ", " + bottom
            + ") leaves no picture of the coded " + codedWidth + "x" + codedHeight + " (§7.4.2.1.1)");
      }
      width = codedWidth - (int) croppedX;
      height = codedHeight - (int) croppedY;
    }
    in.flag("vui_parameters_present_flag");
    return new Sps(profileIdc, constraintFlags, levelIdc, id, chromaFormatIdc, bitDepthLuma, frameMbsOnly,
        codedWidth, codedHeight, width, height);
  }

  /** scaling_list() of §7.3.2.1.1.1, read and discarded. */
  private static void skipScalingList(BitReader in, int size) throws H264ParseException {
    int lastScale = 8;
    int nextScale = 8;
    for (int j = 0; j < size; j++) {
      if (nextScale != 0) {
        int delta = in.se("delta_scale");
        if (delta < -128 || delta > 127) {
          throw new H264ParseException("delta_scale = " + delta + ", the standard allows -128 to 127");
        }
        nextScale = (lastScale + delta + 256) % 256;
      }
      lastScale = nextScale == 0 ? lastScale : nextScale;
    }
  }

  /** The SDP profile-level-id of this stream, exactly as the SPS says it (e.g. 42c01f from x264's baseline). */
  public ProfileLevelId profileLevelId() {
    return new ProfileLevelId(profileIdc, constraintFlags, levelIdc);
  }
}
