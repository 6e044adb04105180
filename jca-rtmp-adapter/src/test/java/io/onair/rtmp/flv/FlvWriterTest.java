package io.onair.rtmp.flv;

import static io.onair.rtmp.flv.FlvVectors.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.amf.AnnotatedHex;
import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.api.MediaFrame.Kind;
import io.onair.rtmp.api.MediaFrame.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

class FlvWriterTest {

  /** Keeps each write call apart, and counts flushes and closes. */
  private static final class RecordingStream extends OutputStream {
    final List<byte[]> writes = new ArrayList<>();
    int flushes;
    int closes;

    @Override
    public void write(int b) {
      throw new AssertionError("a byte at a time");
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes.add(Arrays.copyOfRange(b, off, off + len));
    }

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public void close() {
      closes++;
    }
  }

  @Test
  void theFileHeaderAndPreviousTagSize0GoOutInOneWriteUnflushed() throws IOException {
    RecordingStream out = new RecordingStream();
    new FlvWriter(out, true, true);
    assertThat(out.writes).containsExactly(FlvVectors.HEADER);
    assertThat(out.flushes).isZero();
  }

  @Test
  void typeFlagsSayWhichTracksFollow() throws IOException {
    assertThat(header(true, false))
        .isEqualTo(AnnotatedHex.parse("'FLV' 01 04 00000009 00000000 # audio only"));
    assertThat(header(false, true))
        .isEqualTo(AnnotatedHex.parse("'FLV' 01 01 00000009 00000000 # video only"));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("io.onair.rtmp.flv.FlvVectors#ALL")
  void eachFrameIsOneTagInOneWrite(FlvVectors.Vector vector) throws IOException {
    RecordingStream out = new RecordingStream();
    FlvWriter writer = new FlvWriter(out, true, true);
    writer.write(vector.frame(), vector.dts());
    assertThat(out.writes).hasSize(2);
    assertThat(out.writes.get(1)).isEqualTo(vector.tag());
    assertThat(out.flushes).isZero();
    assertThat(FlvWriter.canWrite(vector.frame())).isTrue();
  }

  @Test
  void theDecodeTimeWrittenIsTheCallersNotTheFrames() throws IOException {
    FlvVectors.Vector aac = FlvVectors.ALL.get(5);
    MediaFrame elsewhere =
        frame(Track.AUDIO, "mp4a", Kind.KEY, 987_654, 0, "21100504"); // its own dts is ignored
    RecordingStream out = new RecordingStream();
    new FlvWriter(out, true, false).write(elsewhere, aac.dts());
    assertThat(out.writes.get(1)).isEqualTo(aac.tag());
  }

  @ParameterizedTest
  @MethodSource("timestampsOutOfRange")
  void aDecodeTimeOutsideSigned32BitsIsRefusedAndNothingWritten(long dts) throws IOException {
    RecordingStream out = new RecordingStream();
    FlvWriter writer = new FlvWriter(out, true, true);
    assertThatThrownBy(() -> writer.write(FlvVectors.ALL.get(0).frame(), dts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dts " + dts);
    assertThat(out.writes).hasSize(1);
  }

  static Stream<Long> timestampsOutOfRange() {
    return Stream.of(-1L, Long.MIN_VALUE, 0x80000000L, 1L << 32);
  }

  /** Frames FLV has no tag for, or would carry only with something left out. */
  static Stream<Arguments> unwritable() {
    return Stream.of(
        Arguments.of("Opus", frame(Track.AUDIO, "Opus", Kind.KEY, 0, 0, "fc")),
        Arguments.of("MP3", frame(Track.AUDIO, ".mp3", Kind.KEY, 0, 0, "fffb")),
        Arguments.of("VP8", frame(Track.VIDEO, "vp08", Kind.KEY, 0, 0, "00")),
        Arguments.of("an unknown FourCC", frame(Track.VIDEO, "xxxx", Kind.KEY, 0, 0, "00")),
        Arguments.of("AAC on the video track", frame(Track.VIDEO, "mp4a", Kind.KEY, 0, 0, "21")),
        Arguments.of("AVC on the audio track", frame(Track.AUDIO, "avc1", Kind.KEY, 0, 0, "00")),
        Arguments.of(
            "AAC end of sequence", frame(Track.AUDIO, "mp4a", Kind.END_OF_SEQUENCE, 0, 0, "")),
        Arguments.of(
            "AAC with a composition offset", frame(Track.AUDIO, "mp4a", Kind.KEY, 0, 5, "21")),
        Arguments.of(
            "AV1 with a composition offset", frame(Track.VIDEO, "av01", Kind.KEY, 0, 40, "12")),
        Arguments.of(
            "VP9 with a composition offset", frame(Track.VIDEO, "vp09", Kind.DELTA, 0, 1, "00")),
        Arguments.of(
            "AVC configuration with a composition offset",
            frame(Track.VIDEO, "avc1", Kind.CONFIG, 0, 40, FlvVectors.AVCC)),
        Arguments.of(
            "HEVC end of sequence with a composition offset",
            frame(Track.VIDEO, "hvc1", Kind.END_OF_SEQUENCE, 0, 40, "")),
        Arguments.of(
            "AVC composition offset beyond SI24",
            frame(Track.VIDEO, "avc1", Kind.KEY, 0, 0x800000, "00")),
        Arguments.of(
            "HEVC composition offset below SI24",
            frame(Track.VIDEO, "hvc1", Kind.DELTA, 0, -0x800001, "00")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unwritable")
  void aFrameFlvCannotCarryIsRefusedAndNothingWritten(String name, MediaFrame frame)
      throws IOException {
    assertThat(FlvWriter.canWrite(frame)).isFalse();
    RecordingStream out = new RecordingStream();
    FlvWriter writer = new FlvWriter(out, true, true);
    assertThatThrownBy(() -> writer.write(frame, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FLV cannot carry MediaFrame[" + frame.track() + " " + frame.codec());
    assertThat(out.writes).hasSize(1);
  }

  @Test
  void theLargestCompositionOffsetsSi24HoldsAreWritten() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FlvWriter writer = new FlvWriter(out, false, true);
    writer.write(frame(Track.VIDEO, "avc1", Kind.KEY, 0, 0x7FFFFF, "00"), 0);
    writer.write(frame(Track.VIDEO, "hvc1", Kind.DELTA, 0, -0x800000, "00"), 0);
    byte[] bytes = out.toByteArray();
    assertThat(Arrays.copyOfRange(bytes, 13 + 11, 13 + 16))
        .isEqualTo(AnnotatedHex.parse("17 01 7fffff"));
    assertThat(Arrays.copyOfRange(bytes, 13 + 21 + 11, 13 + 21 + 19))
        .isEqualTo(AnnotatedHex.parse("a1 'hvc1' 800000"));
  }

  @Test
  void aBodyOver24BitsIsRefused() throws IOException {
    RecordingStream out = new RecordingStream();
    FlvWriter writer = new FlvWriter(out, false, true);
    // 5 header bytes + 0xFFFFFB codec bytes fill DataSize exactly; one more does not fit.
    MediaFrame largest =
        new MediaFrame(
            Track.VIDEO, "avc1", Kind.KEY, 0, 0, false, ByteBuffer.allocate(0xFFFFFF - 5));
    MediaFrame tooLarge =
        new MediaFrame(
            Track.VIDEO, "avc1", Kind.KEY, 0, 0, false, ByteBuffer.allocate(0xFFFFFF - 4));
    writer.write(largest, 0);
    assertThat(out.writes.get(1)).hasSize(11 + 0xFFFFFF + 4);
    assertThatThrownBy(() -> writer.write(tooLarge, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tag body of 16777216 bytes over FLV's 16777215");
    assertThat(out.writes).hasSize(2);
  }

  @Test
  void framesFollowOneAnotherAndFlushAndCloseAreTheCallers() throws IOException {
    RecordingStream out = new RecordingStream();
    FlvWriter writer = new FlvWriter(out, true, true);
    for (FlvVectors.Vector vector : FlvVectors.ALL) {
      writer.write(vector.frame(), vector.dts());
    }
    assertThat(FlvVectors.concat(out.writes.toArray(byte[][]::new))).isEqualTo(FlvVectors.stream());
    assertThat(out.flushes).isZero();
    writer.flush();
    writer.close();
    assertThat(out.flushes).isEqualTo(1);
    assertThat(out.closes).isEqualTo(1);
  }

  @Test
  void theFramesBytesAreReadWithoutMovingItsView() throws IOException {
    MediaFrame frame = FlvVectors.ALL.get(1).frame();
    new FlvWriter(OutputStream.nullOutputStream(), false, true).write(frame, 0);
    new FlvWriter(OutputStream.nullOutputStream(), false, true).write(frame, 0);
    assertThat(frame.data().remaining()).isEqualTo(6);
  }

  private static byte[] header(boolean audio, boolean video) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new FlvWriter(out, audio, video);
    return out.toByteArray();
  }
}
