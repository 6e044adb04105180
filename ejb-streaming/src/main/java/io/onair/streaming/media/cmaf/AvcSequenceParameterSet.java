package io.onair.streaming.media.cmaf;

import java.util.Set;

/**
 * What the packager needs from an H.264 sequence parameter set (ITU-T H.264 7.3.2.1.1): the
 * displayed picture size after cropping, for tkhd and the avc1 sample entry, and the profile fields
 * for the RFC 6381 codecs string of the manifests.
 *
 * @param profileIdc profile_idc (66 baseline, 77 main, 100 high, ...)
 * @param constraintFlags the byte of constraint_set flags
 * @param levelIdc level_idc (31 = level 3.1)
 * @param chromaFormatIdc 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param frameMbsOnly false for interlaced coding, where a map unit is two macroblock rows
 * @param width displayed width in luma samples
 * @param height displayed height in luma samples
 */
public record AvcSequenceParameterSet(
    int profileIdc,
    int constraintFlags,
    int levelIdc,
    int chromaFormatIdc,
    boolean frameMbsOnly,
    int width,
    int height) {

  private static final int NAL_TYPE_SPS = 7;

  /** 1024 macroblocks = 16384 luma samples, above anything level 6.2 allows in either direction. */
  private static final int MAX_MACROBLOCKS = 1024;

  /** Profiles whose SPS carries chroma format, bit depths and scaling lists (H.264 7.3.2.1.1). */
  private static final Set<Integer> HIGH_PROFILES =
      Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

  /** Parses one SPS NAL unit, header byte included, emulation prevention bytes still in. */
  public static AvcSequenceParameterSet parse(byte[] nal) {
    if (nal.length == 0 || (nal[0] & 0x1F) != NAL_TYPE_SPS) {
      throw new MediaFormatException(
          "SPS nal_unit_type", nal.length == 0 ? "missing" : nal[0] & 0x1F, "must be 7");
    }
    BitReader in = new BitReader(BitReader.unescapeRbsp(nal, 1, nal.length), "SPS");
    int profile = in.u(8, "profile_idc");
    int constraints = in.u(8, "constraint_set flags");
    int level = in.u(8, "level_idc");
    in.ue("seq_parameter_set_id", 31);
    ChromaFormat chroma =
        HIGH_PROFILES.contains(profile) ? ChromaFormat.read(in) : ChromaFormat.FOUR_TWO_ZERO;
    in.ue("log2_max_frame_num_minus4", 12);
    skipPictureOrderCount(in);
    in.ue("max_num_ref_frames", 16);
    in.skip(1, "gaps_in_frame_num_value_allowed_flag");
    int widthMbs = in.ue("pic_width_in_mbs_minus1", MAX_MACROBLOCKS - 1) + 1;
    int heightMapUnits = in.ue("pic_height_in_map_units_minus1", MAX_MACROBLOCKS - 1) + 1;
    boolean frameMbsOnly = in.flag("frame_mbs_only_flag");
    if (!frameMbsOnly) {
      in.skip(1, "mb_adaptive_frame_field_flag");
    }
    in.skip(1, "direct_8x8_inference_flag");
    int frameHeightMbs = (frameMbsOnly ? 1 : 2) * heightMapUnits;
    Crop crop = Crop.read(in, chroma.arrayType(), frameMbsOnly);
    int width = widthMbs * 16 - crop.horizontal();
    int height = frameHeightMbs * 16 - crop.vertical();
    if (width <= 0 || height <= 0) {
      throw new MediaFormatException(
          "SPS frame_crop offsets",
          crop,
          "crop away the whole " + widthMbs * 16 + " x " + frameHeightMbs * 16 + " picture");
    }
    return new AvcSequenceParameterSet(
        profile, constraints, level, chroma.idc(), frameMbsOnly, width, height);
  }

  /**
   * chroma_format_idc and separate_colour_plane_flag; ChromaArrayType is 0 when the planes are
   * coded separately (H.264 7.4.2.1.1). Profiles below High leave them out: 4:2:0.
   */
  private record ChromaFormat(int idc, boolean separatePlanes) {

    static final ChromaFormat FOUR_TWO_ZERO = new ChromaFormat(1, false);

    static ChromaFormat read(BitReader in) {
      int idc = in.ue("chroma_format_idc", 3);
      boolean separate = idc == 3 && in.flag("separate_colour_plane_flag");
      in.ue("bit_depth_luma_minus8", 6);
      in.ue("bit_depth_chroma_minus8", 6);
      in.skip(1, "qpprime_y_zero_transform_bypass_flag");
      if (in.flag("seq_scaling_matrix_present_flag")) {
        skipScalingLists(in, idc == 3 ? 12 : 8);
      }
      return new ChromaFormat(idc, separate);
    }

    int arrayType() {
      return separatePlanes ? 0 : idc;
    }
  }

  /**
   * scaling_list() (H.264 7.3.2.1.1.1) for each present list: six 4x4 lists, then two or six 8x8
   * lists. x264 sends its custom matrices in the PPS instead, but the syntax allows them here, and
   * without this skip every field after them would be misread.
   */
  private static void skipScalingLists(BitReader in, int lists) {
    for (int i = 0; i < lists; i++) {
      if (!in.flag("seq_scaling_list_present_flag")) {
        continue;
      }
      int size = i < 6 ? 16 : 64;
      long last = 8;
      long next = 8;
      for (int j = 0; j < size && next != 0; j++) {
        long delta = in.se("delta_scale");
        if (delta < -128 || delta > 127) {
          throw new MediaFormatException("SPS delta_scale", delta, "must lie in [-128, 127]");
        }
        next = (last + delta + 256) % 256;
        last = next == 0 ? last : next;
      }
    }
  }

  private static void skipPictureOrderCount(BitReader in) {
    int type = in.ue("pic_order_cnt_type", 2);
    if (type == 0) {
      in.ue("log2_max_pic_order_cnt_lsb_minus4", 12);
    } else if (type == 1) {
      in.skip(1, "delta_pic_order_always_zero_flag");
      in.se("offset_for_non_ref_pic");
      in.se("offset_for_top_to_bottom_field");
      int cycle = in.ue("num_ref_frames_in_pic_order_cnt_cycle", 255);
      for (int i = 0; i < cycle; i++) {
        in.se("offset_for_ref_frame");
      }
    }
  }

  /** The frame cropping rectangle in luma samples (H.264 7.4.2.1.1, CropUnitX and CropUnitY). */
  private record Crop(int horizontal, int vertical) {

    static Crop read(BitReader in, int chromaArrayType, boolean frameMbsOnly) {
      if (!in.flag("frame_cropping_flag")) {
        return new Crop(0, 0);
      }
      int limit = MAX_MACROBLOCKS * 16;
      int left = in.ue("frame_crop_left_offset", limit);
      int right = in.ue("frame_crop_right_offset", limit);
      int top = in.ue("frame_crop_top_offset", limit);
      int bottom = in.ue("frame_crop_bottom_offset", limit);
      int subWidth = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
      int subHeight = chromaArrayType == 1 ? 2 : 1;
      int unitY = subHeight * (frameMbsOnly ? 1 : 2);
      return new Crop(subWidth * (left + right), unitY * (top + bottom));
    }
  }
}
