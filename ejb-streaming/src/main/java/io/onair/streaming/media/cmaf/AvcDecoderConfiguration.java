package io.onair.streaming.media.cmaf;

import java.util.ArrayList;
import java.util.List;

/**
 * An AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1), the avcC box payload, which is also
 * exactly what an FLV AVC sequence header carries. Read to learn the NAL unit length size and the
 * first SPS; the record itself is copied into the init segment unchanged.
 *
 * @param profileIndication AVCProfileIndication
 * @param profileCompatibility profile_compatibility
 * @param levelIndication AVCLevelIndication
 * @param nalUnitLengthSize bytes of the length before each NAL unit in a sample: 1, 2 or 4
 * @param sequenceParameterSets the SPS NAL units, at least one
 * @param pictureParameterSets the PPS NAL units
 */
public record AvcDecoderConfiguration(
    int profileIndication,
    int profileCompatibility,
    int levelIndication,
    int nalUnitLengthSize,
    List<byte[]> sequenceParameterSets,
    List<byte[]> pictureParameterSets) {

  /** An avcC larger than this is not a configuration record but garbage or an attack. */
  static final int MAX_SIZE = 64 * 1024;

  public AvcDecoderConfiguration {
    sequenceParameterSets = List.copyOf(sequenceParameterSets);
    pictureParameterSets = List.copyOf(pictureParameterSets);
  }

  public static AvcDecoderConfiguration parse(byte[] avcC) {
    if (avcC.length > MAX_SIZE) {
      throw new MediaFormatException("avcC size", avcC.length, "at most " + MAX_SIZE + " bytes");
    }
    ByteFields in = new ByteFields(avcC, "avcC");
    int version = in.u8("configurationVersion");
    if (version != 1) {
      throw new MediaFormatException("avcC configurationVersion", version, "must be 1");
    }
    int profile = in.u8("AVCProfileIndication");
    int compatibility = in.u8("profile_compatibility");
    int level = in.u8("AVCLevelIndication");
    int lengthSize = (in.u8("lengthSizeMinusOne") & 0x03) + 1;
    if (lengthSize == 3) {
      throw new MediaFormatException("avcC lengthSizeMinusOne", 2, "must be 0, 1 or 3");
    }
    List<byte[]> sps = nalUnits(in, in.u8("numOfSequenceParameterSets") & 0x1F, "SPS");
    if (sps.isEmpty()) {
      throw new MediaFormatException("avcC numOfSequenceParameterSets", 0, "must be at least 1");
    }
    List<byte[]> pps = nalUnits(in, in.u8("numOfPictureParameterSets"), "PPS");
    return new AvcDecoderConfiguration(profile, compatibility, level, lengthSize, sps, pps);
  }

  /** The first SPS, parsed: what the picture size comes from. */
  public AvcSequenceParameterSet firstSps() {
    return AvcSequenceParameterSet.parse(sequenceParameterSets.get(0));
  }

  private static List<byte[]> nalUnits(ByteFields in, int count, String kind) {
    List<byte[]> units = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      units.add(in.bytes(in.u16(kind + " length"), kind + " NAL unit"));
    }
    return units;
  }
}
