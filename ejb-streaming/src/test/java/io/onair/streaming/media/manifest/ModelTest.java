package io.onair.streaming.media.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The model's invariants: what the index may hand the writers. */
class ModelTest {

  private static final TrackFixture VIDEO = TrackFixture.video30();

  @Test
  void segmentsMustBeNumberedConsecutivelyWithoutOverlap() {
    Segment s0 = VIDEO.segment(0);
    Segment s2 = VIDEO.segment(2);
    assertThatThrownBy(() -> TrackTimeline.ended(90_000, List.of(s0, s2)))
        .hasMessageContaining("segment 2 does not follow segment 0");
    Segment overlapping = new Segment(1, 1_000, 180_000, TrackFixture.T0, 1, List.of());
    assertThatThrownBy(() -> TrackTimeline.ended(90_000, List.of(s0, overlapping)))
        .hasMessageContaining("segment 1 does not follow segment 0");
  }

  @Test
  void aGapInTimeIsAllowedButNotInNumbers() {
    Segment late = new Segment(1, 500_000, 180_000, TrackFixture.T0, 1, List.of());
    assertThat(TrackTimeline.ended(90_000, List.of(VIDEO.segment(0), late)).segments()).hasSize(2);
  }

  @Test
  void theOpenSegmentFollowsTheLastOneAndOnlyWhileLive() {
    OpenSegment wrong = new OpenSegment(5, VIDEO.startOf(5), TrackFixture.T0, List.of());
    assertThatThrownBy(() -> TrackTimeline.live(90_000, VIDEO.segments(0, 3), wrong))
        .hasMessageContaining("open segment 5 does not follow 2");
    OpenSegment next = new OpenSegment(3, VIDEO.startOf(3), TrackFixture.T0, List.of());
    assertThatThrownBy(
            () -> new TrackTimeline(90_000, VIDEO.segments(0, 3), Optional.of(next), true))
        .hasMessageContaining("ended");
  }

  @Test
  void partsAreIndexedFromZeroInOrder() {
    List<Part> skipped = List.of(new Part(0, 10, true), new Part(2, 10, false));
    assertThatThrownBy(() -> new OpenSegment(0, 0, TrackFixture.T0, skipped))
        .hasMessageContaining("position 1 has index 2");
  }

  @Test
  void nextNumberIsTheOpenSegmentOrTheOneAfterTheLast() {
    assertThat(VIDEO.live(7, 1).nextNumber()).isEqualTo(7);
    assertThat(TrackTimeline.live(90_000, VIDEO.segments(0, 7), null).nextNumber()).isEqualTo(7);
    assertThat(TrackTimeline.live(90_000, List.of(), null).nextNumber()).isZero();
  }

  @Test
  void newestCoversAtLeastTheAskedDuration() {
    TrackTimeline t = VIDEO.ended(10);
    assertThat(t.newest(t.units(java.time.Duration.ofSeconds(5))))
        .extracting(Segment::number)
        .containsExactly(7L, 8L, 9L);
    assertThat(t.newest(t.units(java.time.Duration.ofSeconds(6))))
        .extracting(Segment::number)
        .containsExactly(7L, 8L, 9L);
    assertThat(t.newest(t.units(java.time.Duration.ofMinutes(5)))).hasSize(10);
  }

  @Test
  void theLadderPublishesTheFirstRenditionOfEachDistinctAudio() {
    Ladder ladder = Ladders.landscape();
    assertThat(ladder.audioSources()).extracting(Rendition::name).containsExactly("source", "720p");
    assertThat(ladder.audioSourceFor(ladder.renditions().get(3)).name()).isEqualTo("720p");
  }

  @Test
  void declaredDecimalFrameRatesBecomeExactRatios() {
    assertThat(FrameRate.nearest(30)).isEqualTo(FrameRate.of(30));
    assertThat(FrameRate.nearest(29.97)).isEqualTo(new FrameRate(30000, 1001));
    assertThat(FrameRate.nearest(30000.0 / 1001)).isEqualTo(new FrameRate(30000, 1001));
    assertThat(FrameRate.nearest(59.94)).isEqualTo(new FrameRate(60000, 1001));
    assertThat(FrameRate.nearest(23.976)).isEqualTo(new FrameRate(24000, 1001));
    assertThat(FrameRate.nearest(25)).isEqualTo(FrameRate.of(25));
    assertThat(FrameRate.nearest(60.0001)).isEqualTo(FrameRate.of(60));
    assertThat(FrameRate.nearest(12.5)).isEqualTo(new FrameRate(12500, 1000));
    assertThat(new FrameRate(30000, 1001).toDouble()).isCloseTo(29.97, within(0.001));
    assertThatThrownBy(() -> FrameRate.nearest(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void renditionsAreListedLargestFirstWhicheverStartedFirst() {
    List<Rendition> r = Ladders.landscape().renditions();
    Rendition sameSizeLowerRate =
        new Rendition(
            "480p-low",
            new VideoTrack("avc1.64001e", 854, 480, FrameRate.of(30), 900_000, 800_000),
            Ladders.RUNG_AUDIO);

    Ladder ladder =
        Ladder.largestFirst(List.of(r.get(3), sameSizeLowerRate, r.get(1), r.get(2), r.get(0)));

    assertThat(ladder.renditions())
        .extracting(Rendition::name)
        .containsExactly("source", "720p", "480p", "480p-low", "360p");
  }

  @Test
  void renditionNamesAreUniqueInALadder() {
    Rendition r = Ladders.square().renditions().get(0);
    assertThatThrownBy(() -> Ladder.of(r, r)).hasMessageContaining("duplicate rendition name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"720.p", "720/p", "Source", "-a", "a-", "", "a\"b"})
  void renditionNamesAreSinglePathSegmentsWithoutDots(String name) {
    Rendition r = Ladders.square().renditions().get(0);
    assertThatThrownBy(() -> new Rendition(name, r.video(), r.audio()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"avc1.64001f,mp4a.40.2", "avc1\"", "avc1 .64", "av1", ""})
  void codecsAreOneRfc6381CodecThatNeedsNoQuoting(String codecs) {
    assertThatThrownBy(() -> new AudioTrack(codecs, 128_000, 48_000, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"30, 1, 30", "30000, 1001, 30000/1001", "60, 2, 30", "50000, 1000, 50"})
  void frameRatesAreWrittenAsReducedRatios(int num, int den, String ratio) {
    assertThat(new FrameRate(num, den).toRatio()).isEqualTo(ratio);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-21T09:00:00Z, 2026-11-21T09:00:00.000Z",
    "2026-11-21T09:00:00.5Z, 2026-11-21T09:00:00.500Z",
    "2026-11-21T23:59:59.999999999Z, 2026-11-21T23:59:59.999Z",
    "2026-11-21T10:00:00.000001+01:00, 2026-11-21T09:00:00.000Z"
  })
  void timestampsAreUtcWithExactlyThreeFractionDigitsTruncated(String in, String out) {
    assertThat(UtcTimestamp.format(java.time.OffsetDateTime.parse(in).toInstant())).isEqualTo(out);
  }

  @Test
  void settingsRefuseAPartTargetAboveTheSegmentTarget() {
    LiveSettings d = LiveSettings.defaults();
    assertThatThrownBy(
            () ->
                new LiveSettings(d.window(), d.segmentTarget(), d.maxSegmentDuration(), d.window()))
        .hasMessageContaining("part target");
  }
}
