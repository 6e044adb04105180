package io.onair.streaming.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.api.MediaFrame.Track;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedTrackTest {

  private static Optional<ByteBuffer> bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return Optional.of(ByteBuffer.wrap(bytes));
  }

  /** x264's avcC for 320x180 High 1.3 (the CMAF packager's sample): one SPS, one PPS. */
  private static final String AVC_C =
      "0164000dffe1001a6764000dacd941419f9f0110000003001000000303c0f1429960010004"
          + "68efbcb0fdf8f800";

  @Test
  void anAvcTrackIsNamedAndSizedByItsConfigurationNotByWhatTheEncoderDeclared() {
    FeedTrack video =
        FeedTrack.video(
            "avc1",
            Optional.of(ByteBuffer.wrap(HexFormat.of().parseHex(AVC_C))),
            Map.of("width", 1280.0, "height", 720.0, "framerate", 29.97));
    assertThat(video)
        .isEqualTo(new FeedTrack(Track.VIDEO, "avc1", "avc1.64000d", 320, 180, 29.97, null, null));
  }

  @Test
  void anUnreadableAvcConfigurationFallsBackToTheFourCcAndTheDeclaredSize() {
    FeedTrack video =
        FeedTrack.video(
            "avc1",
            bytes(0x01, 0x64, 0x00, 0x1f, 0xff, 0xe1),
            Map.of("width", 1280.0, "height", 720.0));
    assertThat(video.codec()).isEqualTo("avc1");
    assertThat(video.width()).isEqualTo(1280);
    assertThat(video.height()).isEqualTo(720);
  }

  @Test
  void withoutAConfigurationOrForOtherCodecsTheFourCcIsTheCodec() {
    assertThat(FeedTrack.video("avc1", Optional.empty(), Map.of()).codec()).isEqualTo("avc1");
    assertThat(FeedTrack.video("hvc1", bytes(0x01, 0x01, 0x60), Map.of()).codec())
        .isEqualTo("hvc1");
    assertThat(FeedTrack.audio("Opus", bytes(0x4f, 0x70)).codec()).isEqualTo("Opus");
  }

  @Test
  void theDeclaredDimensionsAreTakenOnlyWhenTheyAreNumbers() {
    FeedTrack video =
        FeedTrack.video(
            "avc1", Optional.empty(), Map.of("width", "wide", "height", 0.0, "fps", 25.0));
    assertThat(video.width()).isNull();
    assertThat(video.height()).isNull();
    assertThat(video.frameRate()).isEqualTo(25.0);
  }

  @Test
  void anAacTrackIsReadFromItsAudioSpecificConfig() {
    // AAC LC (2), 48 kHz (index 3), 2 channels: 00010 0011 0010 000
    assertThat(FeedTrack.audio("mp4a", bytes(0x11, 0x90)))
        .isEqualTo(new FeedTrack(Track.AUDIO, "mp4a", "mp4a.40.2", null, null, null, 48000, 2));
  }

  @Test
  void anEscapedObjectTypeAndAnExplicitFrequencyAreRead() {
    // Object type 31 + 6 bits (42 - 32 = 10): 11111 001010, frequency index 15 then 24 bits of
    // 22050 (0x005622), channel configuration 1.
    FeedTrack usac = FeedTrack.audio("mp4a", bytes(0xf9, 0x5e, 0x00, 0xac, 0x44, 0x20));
    assertThat(usac.codec()).isEqualTo("mp4a.40.42");
    assertThat(usac.sampleRate()).isEqualTo(22050);
    assertThat(usac.channels()).isEqualTo(1);
  }

  @Test
  void aConfigurationCutShortIsReportedByItsFourCcAlone() {
    // AAC LC, then frequency index 15, whose 24 explicit bits are missing.
    FeedTrack cut = FeedTrack.audio("mp4a", bytes(0x17, 0x80));
    assertThat(cut.codec()).isEqualTo("mp4a");
    assertThat(cut.sampleRate()).isNull();
    assertThat(cut.channels()).isNull();
  }
}
