package io.onair.streaming.media.cmaf;

/**
 * Checks an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1) down to its NAL unit arrays,
 * so a malformed one fails here and not in every player, and derives its RFC 6381 codecs string
 * (14496-15 Annex E.3).
 */
final class HevcCodecs {

  private static final int FIXED_PART = 23;

  private HevcCodecs() {}

  static void check(byte[] hvcC) {
    if (hvcC.length > AvcDecoderConfiguration.MAX_SIZE) {
      throw new MediaFormatException(
          "hvcC size", hvcC.length, "at most " + AvcDecoderConfiguration.MAX_SIZE + " bytes");
    }
    ByteFields in = new ByteFields(hvcC, "hvcC");
    int version = in.u8("configurationVersion");
    if (version != 1) {
      throw new MediaFormatException("hvcC configurationVersion", version, "must be 1");
    }
    in.skip(FIXED_PART - 2, "general profile, tier, level and stream fields");
    int arrays = in.u8("numOfArrays");
    for (int a = 0; a < arrays; a++) {
      in.u8("NAL_unit_type");
      int units = in.u16("numNalus");
      for (int u = 0; u < units; u++) {
        in.skip(in.u16("nalUnitLength"), "nalUnit");
      }
    }
  }

  /** "hvc1.1.6.L93.B0": profile space and idc, compatibility, tier and level, constraints. */
  static String of(byte[] hvcC) {
    int profileSpace = (hvcC[1] & 0xC0) >> 6;
    boolean highTier = (hvcC[1] & 0x20) != 0;
    int profileIdc = hvcC[1] & 0x1F;
    int compatibility =
        (hvcC[2] & 0xFF) << 24 | (hvcC[3] & 0xFF) << 16 | (hvcC[4] & 0xFF) << 8 | hvcC[5] & 0xFF;
    StringBuilder codecs = new StringBuilder("hvc1.");
    if (profileSpace > 0) {
      codecs.append((char) ('A' + profileSpace - 1));
    }
    codecs
        .append(profileIdc)
        .append('.')
        .append(Integer.toHexString(Integer.reverse(compatibility)).toUpperCase())
        .append('.')
        .append(highTier ? 'H' : 'L')
        .append(hvcC[12] & 0xFF);
    int lastConstraint = 11;
    while (lastConstraint >= 6 && hvcC[lastConstraint] == 0) {
      lastConstraint--;
    }
    for (int i = 6; i <= lastConstraint; i++) {
      codecs.append('.').append(Integer.toHexString(hvcC[i] & 0xFF).toUpperCase());
    }
    return codecs.toString();
  }
}
