package io.onair.streaming.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An independent reader checks our fMP4: ffmpeg decodes every init + segment of the packaged sample
 * without an error, and ffprobe finds every frame of the FLV, with its decode and presentation
 * times and key flag, in the init + all segments of each track. ffmpeg is on the PATH wherever the
 * tests run (test.sh installs it).
 */
class CmafFfprobeTest {

  static FlvFile flv;
  static Packaging packaging;

  @TempDir static Path dir;

  @BeforeAll
  static void packageTheSample() throws IOException {
    flv = FlvFile.read("testdata/sample.flv");
    packaging = Packaging.of(flv, SegmentPolicy.DEFAULT);
  }

  static Stream<Arguments> segments() {
    return Stream.of(packaging.video, packaging.audio)
        .flatMap(
            track ->
                track.segments.stream()
                    .map(s -> Arguments.of(track.format.codecs(), s.number(), track, s)));
  }

  @ParameterizedTest(name = "{0} segment {1}")
  @MethodSource("segments")
  void everySegmentDecodesAfterTheInitSegment(
      String codecs, long number, Packaging.Track track, SegmentComplete segment) throws Exception {
    Path file = write(codecs + "-" + number + ".mp4", track.init, segment.bytes());
    Run decode = run("ffmpeg", "-v", "error", "-xerror", "-i", file.toString(), "-f", "null", "-");
    assertThat(decode.exit).as(decode.stderr).isZero();
    assertThat(decode.stderr).isEmpty();

    // -count_frames decodes the stream: the count is of frames the decoder produced.
    Run frames =
        run(
            "ffprobe",
            "-v",
            "error",
            "-count_frames",
            "-show_entries",
            "stream=nb_read_frames",
            "-of",
            "csv=p=0",
            file.toString());
    long expected = samplesIn(track, segment.start(), segment.start() + segment.duration());
    assertThat(frames.stdout.strip()).as(frames.stderr).isEqualTo(Long.toString(expected));
  }

  static Stream<Arguments> tracks() {
    return Stream.of(
        Arguments.of("video", packaging.video, true),
        Arguments.of("audio", packaging.audio, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tracks")
  void theWholeTrackHoldsEveryInputFrameWithItsTimes(
      String name, Packaging.Track track, boolean video) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(track.init);
    track.segments.forEach(s -> all.writeBytes(s.bytes()));
    Path file = write(name + ".mp4", all.toByteArray());

    Run packets =
        run(
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "packet=dts,pts,flags",
            "-of",
            "csv=p=0",
            file.toString());
    assertThat(packets.exit).as(packets.stderr).isZero();
    List<String> expected = new ArrayList<>();
    for (Sample sample : flv.samples(video)) {
      expected.add(
          sample.presentationTime()
              + ","
              + sample.decodeTime()
              + ","
              + (sample.sync() ? "K_" : "__"));
    }
    assertThat(packets.stdout.lines().toList()).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(BoxWriterTest.AVC, "h264,320,180"),
        Arguments.of(
            new TrackFormat.Hevc(AnnotatedHex.parse(TrackFormatTest.HVC_C), 320, 180),
            "hevc,320,180"),
        Arguments.of(
            new TrackFormat.Av1(AnnotatedHex.parse(TrackFormatTest.AV1_C), 320, 180),
            "av1,320,180"),
        Arguments.of(TrackFormat.aac(AnnotatedHex.parse("11 90")), "aac,48000,2"));
  }

  /** The sample entries of every codec, as ffprobe reads them from an init segment alone. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void initSegmentsDescribeTheirTrack(TrackFormat format, String expected) throws Exception {
    Path file = write("init-" + format.codecs() + ".mp4", InitSegment.write(format));
    Run probe =
        run(
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "stream=codec_name,width,height,sample_rate,channels",
            "-of",
            "csv=p=0",
            file.toString());
    assertThat(probe.exit).as(probe.stderr).isZero();
    assertThat(probe.stdout.strip()).isEqualTo(expected);
  }

  /** An LL-HLS client may start at any INDEPENDENT=YES part: init + that part must decode. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tracks")
  void everyIndependentPartDecodesAfterTheInitSegment(
      String name, Packaging.Track track, boolean video) throws Exception {
    for (PartComplete part : track.parts) {
      if (!part.independent()) {
        continue;
      }
      Path file = write(name + "-part.mp4", track.init, part.bytes());
      Run decode =
          run("ffmpeg", "-v", "error", "-xerror", "-i", file.toString(), "-f", "null", "-");
      assertThat(decode.exit).as("%s part %s: %s", name, part, decode.stderr).isZero();
      assertThat(decode.stderr).isEmpty();
    }
  }

  private static long samplesIn(Packaging.Track track, long from, long to) {
    boolean video = track.format.isVideo();
    return flv.samples(video).stream()
        .filter(s -> s.decodeTime() >= from && s.decodeTime() < to)
        .count();
  }

  private static Path write(String name, byte[]... parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return Files.write(dir.resolve(name), bytes.toByteArray());
  }

  record Run(int exit, String stdout, String stderr) {}

  private static Run run(String... command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
    return new Run(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
