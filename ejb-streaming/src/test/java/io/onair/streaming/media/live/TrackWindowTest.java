package io.onair.streaming.media.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import io.onair.streaming.media.manifest.Part;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackTimeline;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A 90 kHz video track of 2 s segments in two 1 s parts. */
class TrackWindowTest {

  private static final Instant ZERO = Instant.parse("2026-11-21T09:00:00Z");
  private static final long SECOND = 90_000;

  private final TrackWindow window =
      new TrackWindow("hall/source/video", SECOND, new byte[] {9}, t -> ZERO.plusMillis(t / 90));

  /** Segment {@code n}: parts of bytes {n, 0} and {n, 1}, then the segment. */
  private void addSegment(int n) {
    addParts(n);
    window.completeSegment(new SegmentComplete(n, n * 2 * SECOND, 2 * SECOND, new byte[4]));
  }

  private void addParts(int n) {
    window.addPart(new PartComplete(n, 0, n * 2 * SECOND, SECOND, true, new byte[] {(byte) n, 0}));
    window.addPart(
        new PartComplete(n, 1, (n * 2 + 1) * SECOND, SECOND, false, new byte[] {(byte) n, 1}));
  }

  @Test
  void theOpenSegmentListsItsPartsAsTheyComeAndItsBytesAreServedOnlyOnceComplete() {
    window.addPart(new PartComplete(0, 0, 0, SECOND, true, new byte[] {0, 0}));

    TrackTimeline live = window.timeline();
    assertThat(live.segments()).isEmpty();
    assertThat(live.open()).hasValueSatisfying(o -> assertThat(o.parts()).hasSize(1));
    assertThat(live.open().get().programDateTime()).isEqualTo(ZERO);
    assertThat(window.part(0, 0)).hasValueSatisfying(b -> assertThat(b).containsExactly(0, 0));
    assertThat(window.part(0, 1)).isEmpty();
    assertThat(window.segment(0)).as("incomplete").isEmpty();

    window.addPart(new PartComplete(0, 1, SECOND, SECOND, false, new byte[] {0, 1}));
    window.completeSegment(new SegmentComplete(0, 0, 2 * SECOND, new byte[4]));

    TrackTimeline after = window.timeline();
    assertThat(after.open()).isEmpty();
    assertThat(after.segments())
        .containsExactly(
            new Segment(
                0,
                0,
                2 * SECOND,
                ZERO,
                4,
                java.util.List.of(new Part(0, SECOND, true), new Part(1, SECOND, false))));
    assertThat(window.segment(0))
        .hasValueSatisfying(
            parts -> assertThat(parts).hasSize(2).first().isEqualTo(window.part(0, 0).get()));
  }

  @Test
  void theTimelineSnapshotIsSharedUntilTheNextChange() {
    addSegment(0);
    TrackTimeline first = window.timeline();
    assertThat(window.timeline()).isSameAs(first);

    addParts(1);
    assertThat(window.timeline()).isNotSameAs(first);
    assertThat(window.timeline().open()).isPresent();
  }

  @Test
  void onlyTheNewestSegmentsKeepTheirBytesAndPartsButTheTimelineKeepsThemAll() {
    int total = TrackWindow.SEGMENTS_IN_MEMORY + 3;
    for (int n = 0; n < total; n++) {
      addSegment(n);
    }

    TrackTimeline timeline = window.timeline();
    assertThat(timeline.segments()).hasSize(total);
    for (int n = 0; n < total; n++) {
      boolean recent = n >= total - TrackWindow.SEGMENTS_IN_MEMORY;
      assertThat(window.segment(n).isPresent()).as("bytes of %d", n).isEqualTo(recent);
      assertThat(timeline.segments().get(n).parts().isEmpty())
          .as("parts of %d", n)
          .isEqualTo(!recent);
    }
  }

  @Test
  void theEndDropsTheUnfinishedSegmentsPartsAndEndsTheTimeline() {
    addSegment(0);
    addParts(1);
    window.end();

    TrackTimeline ended = window.timeline();
    assertThat(ended.ended()).isTrue();
    assertThat(ended.open()).isEmpty();
    assertThat(ended.segments()).hasSize(1);
    assertThat(window.part(1, 0)).isEmpty();
    assertThat(window.segment(0)).isPresent();
  }

  @Test
  void aSegmentThatDoesNotFollowStartsTheWindowAgainInsteadOfBreakingThePlaylists() {
    addSegment(0);
    addSegment(1);
    window.completeSegment(new SegmentComplete(7, 0, 2 * SECOND, new byte[] {7}));

    assertThat(window.timeline().segments()).extracting(Segment::number).containsExactly(7L);
    assertThat(window.segment(0)).isEmpty();
    assertThat(window.segment(7))
        .hasValueSatisfying(parts -> assertThat(parts.get(0)).containsExactly(7));
    assertThat(window.part(7, 0)).as("stored whole, it has no parts").isEmpty();
  }

  @Test
  void aPartOutOfOrderIsIgnored() {
    window.addPart(new PartComplete(0, 1, SECOND, SECOND, false, new byte[] {1}));
    assertThat(window.timeline().open()).hasValueSatisfying(o -> assertThat(o.parts()).isEmpty());
    assertThat(window.part(0, 1)).isEmpty();
  }

  @Test
  void aNewHeaderReplacesTheOld() {
    window.replaceInit(new byte[] {8});
    assertThat(window.init()).containsExactly(8);
  }
}
