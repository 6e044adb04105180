package io.onair.streaming.media.cmaf;

/**
 * What the packager needs from an MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1), which is
 * what an FLV AAC sequence header carries and what goes, unchanged, into the esds box.
 *
 * <p>The sample rate is the one the AAC core runs at. With explicitly signalled HE-AAC (object type
 * 5 or 29) the output rate is the extension rate, but every access unit still holds 1024 core
 * samples, so the core rate is the timescale that gives each sample an exact, constant duration;
 * the decoder learns the output rate from this config, not from the sample entry.
 *
 * @param objectType the audio object type as signalled first (2 = AAC LC, 5 = SBR, 29 = PS), the
 *     number the RFC 6381 codecs string "mp4a.40.N" carries
 * @param sampleRate the core sampling frequency in Hz
 * @param channels the channel count
 * @param samplesPerFrame samples per access unit at the core rate: 1024, or 960 (frameLengthFlag)
 * @param extensionSampleRate the SBR output rate for explicit HE-AAC, else 0
 */
public record AudioSpecificConfig(
    int objectType, int sampleRate, int channels, int samplesPerFrame, int extensionSampleRate) {

  /** samplingFrequencyIndex 0 to 12 (14496-3 Table 1.18); 13 and 14 are reserved. */
  private static final int[] FREQUENCIES = {
    96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
  };

  private static final int ESCAPE_FREQUENCY = 15;
  private static final int ESCAPE_OBJECT_TYPE = 31;
  private static final int SBR = 5;
  private static final int PS = 29;

  /** An ASC carrying a program config element is a few dozen bytes; anything near this is not. */
  static final int MAX_SIZE = 1024;

  public static AudioSpecificConfig parse(byte[] asc) {
    if (asc.length > MAX_SIZE) {
      throw new MediaFormatException(
          "AudioSpecificConfig size", asc.length, "at most " + MAX_SIZE + " bytes");
    }
    BitReader in = new BitReader(asc, "AudioSpecificConfig");
    int objectType = objectType(in);
    int sampleRate = frequency(in, "samplingFrequency");
    int channels = channels(in.u(4, "channelConfiguration"));
    int extensionRate = 0;
    int coreType = objectType;
    if (objectType == SBR || objectType == PS) {
      extensionRate = frequency(in, "extensionSamplingFrequency");
      coreType = objectType(in);
    }
    int samplesPerFrame = hasGaSpecificConfig(coreType) && in.flag("frameLengthFlag") ? 960 : 1024;
    return new AudioSpecificConfig(
        objectType, sampleRate, channels, samplesPerFrame, extensionRate);
  }

  /** GetAudioObjectType(): 5 bits, 31 escaping to 32 + 6 more bits. */
  private static int objectType(BitReader in) {
    int type = in.u(5, "audioObjectType");
    return type == ESCAPE_OBJECT_TYPE ? 32 + in.u(6, "audioObjectTypeExt") : type;
  }

  private static int frequency(BitReader in, String field) {
    int index = in.u(4, field + "Index");
    if (index == ESCAPE_FREQUENCY) {
      int frequency = in.u(24, field);
      if (frequency == 0) {
        throw new MediaFormatException("AudioSpecificConfig " + field, 0, "must be positive");
      }
      return frequency;
    }
    if (index >= FREQUENCIES.length) {
      throw new MediaFormatException(
          "AudioSpecificConfig " + field + "Index", index, "13 and 14 are reserved");
    }
    return FREQUENCIES[index];
  }

  /**
   * channelConfiguration (14496-3 Table 1.19). 0 means a program config element defines the
   * channels; no live encoder we know of sends one, and reading it is not worth its 60 lines.
   */
  private static int channels(int configuration) {
    if (configuration >= 1 && configuration <= 6) {
      return configuration;
    }
    if (configuration == 7) {
      return 8;
    }
    throw new MediaFormatException(
        "AudioSpecificConfig channelConfiguration", configuration, "must be 1 to 7");
  }

  /** Object types whose config continues with GASpecificConfig (14496-3 1.6.2.1). */
  private static boolean hasGaSpecificConfig(int objectType) {
    return switch (objectType) {
      case 1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23 -> true;
      default -> false;
    };
  }
}
