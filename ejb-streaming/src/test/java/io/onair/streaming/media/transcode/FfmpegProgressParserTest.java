package io.onair.streaming.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real ffmpeg output (the captures in testdata/, README.md there) and odd values, line by line as
 * the job will feed it.
 */
class FfmpegProgressParserTest {

  private final List<String> logged = new ArrayList<>();
  private final FfmpegProgressParser parser = new FfmpegProgressParser(logged::add);

  private static List<String> capture(String name) throws IOException {
    try (InputStream in = FfmpegProgressParserTest.class.getResourceAsStream("testdata/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private List<FfmpegProgress> feed(List<String> lines) {
    List<FfmpegProgress> reports = new ArrayList<>();
    lines.forEach(line -> parser.line(line).ifPresent(reports::add));
    return reports;
  }

  private FfmpegProgress block(String... lines) {
    List<FfmpegProgress> reports = feed(List.of(lines));
    assertThat(reports).hasSize(1);
    return reports.get(0);
  }

  @Test
  void debiansFfmpeg51WithTwoOutputsGivesABlockPerHalfSecondAndItsLogLines() throws IOException {
    List<FfmpegProgress> reports = feed(capture("progress-two-rungs-ffmpeg-5.1.txt"));

    assertThat(reports).hasSize(11);
    assertThat(reports).allMatch(r -> r.outputs() == 2);
    assertThat(reports.subList(0, 10)).noneMatch(FfmpegProgress::end);
    assertThat(reports.get(0))
        .isEqualTo(
            new FfmpegProgress(
                OptionalLong.of(1),
                OptionalDouble.of(0),
                OptionalLong.of(69_400),
                OptionalLong.of(408),
                Optional.of(Duration.ofMillis(47)),
                OptionalDouble.of(0.514),
                OptionalLong.of(0),
                OptionalLong.of(0),
                2,
                false));
    assertThat(reports.get(10))
        .isEqualTo(
            new FfmpegProgress(
                OptionalLong.of(150),
                OptionalDouble.of(28.94),
                OptionalLong.of(1_473_400),
                OptionalLong.of(928_072),
                Optional.of(Duration.ofMillis(5039)),
                OptionalDouble.of(0.972),
                OptionalLong.of(0),
                OptionalLong.of(0),
                2,
                true));
    assertThat(logged)
        .containsExactly(
            "[h264 @ 0x562151dbdd00] cabac decode of qscale diff failed at 7 30",
            "[h264 @ 0x562151dbdd00] error while decoding MB 7 30, bytestream 7849",
            "pipe:0: corrupt decoded frame in stream 0",
            "    Last message repeated 3 times");
  }

  @Test
  void bundledFfmpeg80StartsWithoutAnOutputTimeAndEndsLikeTheOther() throws IOException {
    List<FfmpegProgress> reports = feed(capture("progress-two-rungs-ffmpeg-8.0.txt"));

    assertThat(reports).hasSize(10);
    FfmpegProgress first = reports.get(0);
    assertThat(first.frame()).hasValue(0);
    assertThat(first.bitrate()).isEmpty();
    assertThat(first.totalSize()).hasValue(407);
    assertThat(first.outTime()).isEmpty();
    assertThat(first.speed()).isEmpty();
    FfmpegProgress last = reports.get(9);
    assertThat(last.end()).isTrue();
    assertThat(last.frame()).hasValue(150);
    assertThat(last.outTime()).contains(Duration.ofNanos(4_966_667_000L));
    assertThat(last.speed()).hasValue(1.01);
    assertThat(logged).hasSize(5).last().isEqualTo("    Last message repeated 3 times");
    assertThat(logged.get(0)).contains("Resumed reading at pts");
  }

  @Test
  void framesAndOutputTimeNeverGoBackInARealRun() throws IOException {
    List<FfmpegProgress> reports = feed(capture("progress-two-rungs-ffmpeg-5.1.txt"));

    for (int i = 1; i < reports.size(); i++) {
      assertThat(reports.get(i).frame().getAsLong())
          .isGreaterThanOrEqualTo(reports.get(i - 1).frame().getAsLong());
      assertThat(reports.get(i).outTime().get())
          .isGreaterThanOrEqualTo(reports.get(i - 1).outTime().get());
    }
  }

  @Test
  void aBlockOfNothingButItsEndHasNoValues() {
    FfmpegProgress report = block("progress=continue");

    assertThat(report)
        .isEqualTo(
            new FfmpegProgress(
                OptionalLong.empty(),
                OptionalDouble.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                0,
                false));
  }

  @Test
  void valuesDoNotCarryOverIntoTheNextBlock() {
    feed(List.of("frame=10", "speed=1x", "stream_0_0_q=23.0", "progress=continue"));

    FfmpegProgress next = block("progress=continue");

    assertThat(next.frame()).isEmpty();
    assertThat(next.speed()).isEmpty();
    assertThat(next.outputs()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "speed=1.02x        | 1.02",
        "speed= 0.5x        | 0.5",
        "speed=1.23e+03x    | 1230",
        "speed=N/A          |",
        "speed=fast         |",
        "speed=1.02         |",
        "speed=NaNx         |",
        "speed=             |",
      })
  void speedIsAFactorOfRealTime(String line, Double expected) {
    FfmpegProgress report = block(line, "progress=continue");

    if (expected == null) {
      assertThat(report.speed()).isEmpty();
    } else {
      assertThat(report.speed()).hasValue(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bitrate=3034.5kbits/s   | 3034500",
        "bitrate=  69.4kbits/s   | 69400",
        "bitrate=0.0kbits/s      | 0",
        "bitrate=N/A             |",
        "bitrate=3034.5          |",
        "bitrate=3034.5mbits/s   |",
        "bitrate=-1.0kbits/s     |",
      })
  void bitrateIsReadAsBitsPerSecond(String line, Long expected) {
    FfmpegProgress report = block(line, "progress=continue");

    if (expected == null) {
      assertThat(report.bitrate()).isEmpty();
    } else {
      assertThat(report.bitrate()).hasValue(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "frame=150               | 150",
        "frame=  150             | 150",
        "frame=N/A               |",
        "frame=1.5               |",
        "frame=0x10              |",
        "frame=99999999999999999999 |",
      })
  void frameIsAWholeNumber(String line, Long expected) {
    FfmpegProgress report = block(line, "progress=continue");

    if (expected == null) {
      assertThat(report.frame()).isEmpty();
    } else {
      assertThat(report.frame()).hasValue(expected);
    }
  }

  @Test
  void outTimeMsIsMicrosecondsDespiteItsName() {
    assertThat(block("out_time_ms=1500000", "progress=continue").outTime())
        .contains(Duration.ofMillis(1500));
  }

  @Test
  void outTimeUsIsPreferredAndOutTimeMsOnlyStandsInForIt() {
    assertThat(block("out_time_us=2000000", "out_time_ms=1", "progress=continue").outTime())
        .contains(Duration.ofSeconds(2));
    assertThat(block("out_time_us=N/A", "out_time_ms=3000000", "progress=continue").outTime())
        .contains(Duration.ofSeconds(3));
  }

  @Test
  void outTimeMayBeNegativeWhenTheFirstTimestampsAreBeforeZero() {
    assertThat(block("out_time_us=-44000", "progress=continue").outTime())
        .contains(Duration.ofMillis(-44));
  }

  @Test
  void dropAndDupFramesAndTotalSizeAreCounts() {
    FfmpegProgress report =
        block("drop_frames=3", "dup_frames=N/A", "total_size=1048576", "progress=continue");

    assertThat(report.dropFrames()).hasValue(3);
    assertThat(report.dupFrames()).isEmpty();
    assertThat(report.totalSize()).hasValue(1_048_576);
  }

  @Test
  void outputsAreCountedFromTheStreamQualityKeysHighestOutputFirstOrNot() {
    assertThat(block("stream_2_0_q=28.0", "stream_0_0_q=29.0", "progress=end").outputs())
        .isEqualTo(3);
    assertThat(block("stream_99999_0_q=1.0", "progress=end").outputs()).isZero();
  }

  @Test
  void onlyProgressEndEndsTheRun() {
    assertThat(block("progress=end").end()).isTrue();
    assertThat(block("progress=continue").end()).isFalse();
    assertThat(block("progress=whatever").end()).isFalse();
  }

  @Test
  void logLinesArePassedOnAndAreNoPartOfTheBlock() {
    List<FfmpegProgress> reports =
        feed(
            List.of(
                "frame=5",
                "[flv @ 0x55d5] Failed to update header with correct duration.",
                "Error while decoding stream #0:0: Invalid data found when processing input",
                "pipe:0: corrupt decoded frame in stream 0",
                "Frame=6",
                "=7",
                " frame=8",
                "progress=continue"));

    assertThat(reports).singleElement().satisfies(r -> assertThat(r.frame()).hasValue(5));
    assertThat(logged)
        .containsExactly(
            "[flv @ 0x55d5] Failed to update header with correct duration.",
            "Error while decoding stream #0:0: Invalid data found when processing input",
            "pipe:0: corrupt decoded frame in stream 0",
            "Frame=6",
            "=7",
            " frame=8");
  }

  @Test
  void unknownKeysOfANewerFfmpegAreNeitherLoggedNorFatal() {
    FfmpegProgress report = block("frame=9", "out_time=00:00:01.000000", "hw_q=5", "progress=end");

    assertThat(report.frame()).hasValue(9);
    assertThat(logged).isEmpty();
  }

  @Test
  void blankLinesAreSkipped() {
    assertThat(parser.line("")).isEmpty();
    assertThat(parser.line("   ")).isEmpty();
    assertThat(logged).isEmpty();
  }

  @Test
  void anAbsurdlyLongLogLineIsCut() {
    parser.line("x".repeat(1_000_000));

    assertThat(logged)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line).hasSize(FfmpegProgressParser.MAX_LOG_LINE + 3);
              assertThat(line).endsWith("x...");
            });
  }

  @Test
  void anAbsurdlyLongValueIsUnreadableAndAnAbsurdlyLongKeyIsALogLine() {
    String digits = "1".repeat(FfmpegProgressParser.MAX_VALUE + 1);
    FfmpegProgress report = block("frame=" + digits, "progress=continue");

    assertThat(report.frame()).isEmpty();
    assertThat(logged).isEmpty();

    parser.line("k".repeat(100) + "=1");
    assertThat(logged).hasSize(1);
  }
}
