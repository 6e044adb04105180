package io.onair.streaming.media.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.VideoTrack;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveWindowTest {

  private static final Instant ZERO = Instant.parse("2026-11-21T09:00:00Z");
  private static final VideoTrack VIDEO =
      new VideoTrack("avc1.64001f", 1280, 720, FrameRate.of(30), 3_000_000, 3_000_000);
  private static final AudioTrack AUDIO = new AudioTrack("mp4a.40.2", 128_000, 48_000, 2);
  private static final TrackRef SOURCE_VIDEO = new TrackRef("source", TrackKind.VIDEO);
  private static final TrackRef SOURCE_AUDIO = new TrackRef("source", TrackKind.AUDIO);

  private final LiveWindow window = new LiveWindow("hall", 3, ZERO);

  private void start() {
    window.startVideo("source", 90_000, VIDEO, new byte[] {1});
    window.startAudio("source", 48_000, AUDIO, new byte[] {2});
  }

  private void segment(TrackRef track, long number, long start, long duration) {
    window.part(track, new PartComplete(number, 0, start, duration, true, new byte[] {5}));
    window.segment(track, new SegmentComplete(number, start, duration, new byte[] {5}));
  }

  @Test
  void theManifestsWaitForAVideoAndAnAudioSegmentOfTheRendition() {
    start();
    assertThat(window.timelines()).isEmpty();
    segment(SOURCE_VIDEO, 0, 0, 180_000);
    assertThat(window.timelines()).as("no audio segment yet").isEmpty();
    segment(SOURCE_AUDIO, 0, 0, 96_000);

    BroadcastTimelines timelines = window.timelines().orElseThrow();
    assertThat(timelines.startedAt()).isEqualTo(ZERO);
    assertThat(timelines.ladder().renditions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.name()).isEqualTo("source");
              assertThat(r.video()).isEqualTo(VIDEO);
              assertThat(r.audio()).isEqualTo(AUDIO);
            });
    assertThat(timelines.timeline(SOURCE_AUDIO).timescale()).isEqualTo(48_000);
    assertThat(timelines.ended()).isFalse();
  }

  @Test
  void aVideoOnlyRenditionIsNotPublished() {
    window.startVideo("source", 90_000, VIDEO, new byte[] {1});
    segment(SOURCE_VIDEO, 0, 0, 180_000);
    assertThat(window.timelines()).isEmpty();
  }

  @Test
  void programDateTimesCountFromTheStartInEachTracksTimescale() {
    assertThat(window.programDateTime(135_000, 90_000)).isEqualTo(ZERO.plusMillis(1_500));
    assertThat(window.programDateTime(1_024, 48_000)).isEqualTo(ZERO.plusNanos(21_333_333));
  }

  @Test
  void aWaitingRequestIsWokenOnceByTheNextChange() {
    start();
    AtomicInteger woken = new AtomicInteger();
    window.onNextChange(woken::incrementAndGet);
    assertThat(woken).hasValue(0);

    segment(SOURCE_VIDEO, 0, 0, 180_000);
    assertThat(woken).as("once, though two changes happened").hasValue(1);
  }

  @Test
  void theEndWakesEveryoneAndLaterWaitersAreAnsweredAtOnce() {
    start();
    AtomicInteger woken = new AtomicInteger();
    window.onNextChange(woken::incrementAndGet);
    window.end(ZERO.plusSeconds(60));

    assertThat(woken).hasValue(1);
    assertThat(window.endedAt()).contains(ZERO.plusSeconds(60));
    assertThat(window.track(SOURCE_VIDEO).orElseThrow().timeline().ended()).isTrue();
    window.onNextChange(woken::incrementAndGet);
    assertThat(woken).hasValue(2);
  }

  @Test
  void everyChangeOfAnyTrackMovesTheVersionOn() {
    long before = window.version();
    start();
    long started = window.version();
    assertThat(started).isGreaterThan(before);
    segment(SOURCE_AUDIO, 0, 0, 96_000);
    assertThat(window.version()).as("a part and a segment").isEqualTo(started + 2);
    window.end(ZERO);
    assertThat(window.version()).isEqualTo(started + 3);
  }

  @Test
  void partsOfATrackThatNeverStartedAreIgnored() {
    segment(SOURCE_VIDEO, 0, 0, 180_000);
    assertThat(window.track(SOURCE_VIDEO)).isEmpty();
  }
}
