package io.onair.streaming.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where segments and parts end, for the GOP structures encoders send. */
class SegmenterTest {

  static final TrackFormat.Avc VIDEO = BoxWriterTest.AVC;
  static final TrackFormat.Aac AUDIO = TrackFormat.aac(AnnotatedHex.parse("11 90")); // 48 kHz
  static final int FRAME = 3000; // 30 fps at 90 kHz
  static final int SECOND = 90_000;

  /** Everything a segmenter reported, in order. */
  static final class Events {
    final List<PartComplete> parts = new ArrayList<>();
    final List<SegmentComplete> segments = new ArrayList<>();

    Events add(List<SegmenterEvent> events) {
      for (SegmenterEvent event : events) {
        if (event instanceof PartComplete part) {
          parts.add(part);
        } else {
          segments.add((SegmentComplete) event);
        }
      }
      return this;
    }

    List<SegmenterEvent> addAndReturn(List<SegmenterEvent> events) {
      add(events);
      return events;
    }

    List<Long> segmentStarts() {
      return segments.stream().map(SegmentComplete::start).toList();
    }
  }

  static Sample frame(long index, boolean sync) {
    return new Sample(index * FRAME, 0, 0, sync, new byte[] {(byte) index});
  }

  /** {@code frames} frames at 30 fps with a keyframe every {@code gop}, then end of stream. */
  static Events video(Segmenter segmenter, int frames, int gop) {
    Events events = new Events();
    for (int i = 0; i < frames; i++) {
      events.add(segmenter.add(frame(i, i % gop == 0)));
    }
    return events.add(segmenter.finish());
  }

  static Segmenter own(TrackFormat format) {
    return new Segmenter(format, SegmentPolicy.DEFAULT, Segmenter.Cutting.OWN, 0);
  }

  @Test
  void twoSecondGopsMakeTwoSecondSegmentsOfFourParts() {
    Segmenter segmenter = own(VIDEO);
    Events events = video(segmenter, 180, 60);

    assertThat(events.segmentStarts()).containsExactly(0L, 2L * SECOND, 4L * SECOND);
    assertThat(events.segments).allSatisfy(s -> assertThat(s.duration()).isEqualTo(2L * SECOND));
    assertThat(events.segments).extracting(SegmentComplete::number).containsExactly(0L, 1L, 2L);
    assertThat(events.parts).hasSize(12);
    assertThat(events.parts).allSatisfy(p -> assertThat(p.duration()).isEqualTo(SECOND / 2));
    assertThat(events.parts)
        .allSatisfy(p -> assertThat(p.independent()).isEqualTo(p.partIndex() == 0));
    assertThat(segmenter.maxSegmentDuration()).isEqualTo(2L * SECOND);
    assertThat(segmenter.maxPartDuration()).isEqualTo(SECOND / 2);
  }

  /** OBS with "keyframe interval 0 = auto" sends a keyframe every 250 frames: 8.33 s at 30 fps. */
  @Test
  void obsAutoGopsOf250FramesMakeLongerSegmentsAndALongerTargetDuration() {
    Segmenter segmenter = own(VIDEO);
    Events events = video(segmenter, 750, 250);

    assertThat(events.segmentStarts()).containsExactly(0L, 250L * FRAME, 500L * FRAME);
    assertThat(events.segments).allSatisfy(s -> assertThat(s.duration()).isEqualTo(250L * FRAME));
    assertThat(segmenter.maxSegmentDuration()).isEqualTo(750_000); // EXT-X-TARGETDURATION:9
    // 16 parts of 15 frames and a last one of 10, only the first independent.
    List<PartComplete> first = events.parts.stream().filter(p -> p.segmentNumber() == 0).toList();
    assertThat(first).hasSize(17);
    assertThat(first.get(16).duration()).isEqualTo(10L * FRAME);
    assertThat(first).filteredOn(PartComplete::independent).hasSize(1);
  }

  @Test
  void keyframesInsideASegmentDoNotCutIt() {
    Events events = video(own(VIDEO), 180, 30); // a keyframe every second
    assertThat(events.segmentStarts()).containsExactly(0L, 2L * SECOND, 4L * SECOND);
    // the keyframe at 1 s begins part 2: it starts exactly on a part boundary, so it is independent
    assertThat(events.parts)
        .filteredOn(PartComplete::independent)
        .extracting(PartComplete::start)
        .containsExactly(0L, 90_000L, 180_000L, 270_000L, 360_000L, 450_000L);
  }

  @Test
  void aSegmentIsItsPartsConcatenatedAndOnlyItsFirstPartHasStyp() {
    Events events = video(own(VIDEO), 120, 60);
    for (SegmentComplete segment : events.segments) {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      events.parts.stream()
          .filter(p -> p.segmentNumber() == segment.number())
          .forEach(
              p -> {
                assertThat(type(p.bytes())).isEqualTo(p.partIndex() == 0 ? "styp" : "moof");
                joined.writeBytes(p.bytes());
              });
      assertThat(joined.toByteArray()).isEqualTo(segment.bytes());
    }
  }

  @Test
  void fragmentSequenceNumbersCountEveryPart() {
    Events events = video(own(VIDEO), 120, 60);
    List<Integer> numbers = new ArrayList<>();
    for (PartComplete part : events.parts) {
      int moof = part.partIndex() == 0 ? 24 : 0; // after styp
      numbers.add(ByteBuffer.wrap(part.bytes()).getInt(moof + 8 + 12)); // moof, mfhd headers
    }
    assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void durationsComeFromTheNextDecodeTimeAndTheLastRepeatsThePrevious() {
    Segmenter segmenter = own(VIDEO);
    Events events = new Events();
    for (long time : new long[] {0, 3000, 6100, 9000}) {
      events.add(segmenter.add(new Sample(time, 0, 0, time == 0, new byte[1])));
    }
    events.add(segmenter.finish());
    assertThat(events.segments)
        .singleElement()
        .satisfies(s -> assertThat(s.duration()).isEqualTo(3000 + 3100 + 2900 + 2900));
    String dump = BoxTree.dump(events.segments.get(0).bytes());
    assertThat(dump).contains("#1 duration=3100", "#2 duration=2900", "#3 duration=2900");
  }

  @Test
  void aStreamJoinedBetweenKeyframesStartsAtTheFirstKeyframe() {
    Segmenter segmenter = own(VIDEO);
    Events events = new Events();
    for (int i = 10; i < 100; i++) {
      events.add(segmenter.add(frame(i, i % 60 == 0)));
    }
    events.add(segmenter.finish());
    assertThat(segmenter.droppedBeforeSync()).isEqualTo(50);
    assertThat(events.segmentStarts()).containsExactly(60L * FRAME);
    assertThat(events.parts.get(0).independent()).isTrue();
  }

  @Test
  void aSourceWithoutKeyframesIsCutAtTheMaximumAnyway() {
    SegmentPolicy policy =
        new SegmentPolicy(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5));
    Segmenter segmenter = new Segmenter(VIDEO, policy, Segmenter.Cutting.OWN, 0);
    Events events = video(segmenter, 360, 1000); // one keyframe, 12 s
    assertThat(events.segmentStarts()).containsExactly(0L, 5L * SECOND, 10L * SECOND);
    assertThat(events.parts)
        .filteredOn(p -> p.partIndex() == 0)
        .extracting(PartComplete::independent)
        .containsExactly(true, false, false);
  }

  @Test
  void decodeTimesThatDoNotIncreaseAreRefusedAndTheSegmenterGoesOn() {
    Segmenter segmenter = own(VIDEO);
    segmenter.add(frame(0, true));
    segmenter.add(frame(1, false));
    assertThatThrownBy(() -> segmenter.add(frame(1, false)))
        .isInstanceOf(MediaFormatException.class)
        .hasMessageStartingWith("sample decode time 3000: must be after the previous one, 3000");
    segmenter.add(frame(2, false));
    Events events = new Events().add(segmenter.finish());
    assertThat(events.segments.get(0).duration()).isEqualTo(3L * FRAME);
  }

  @Test
  void partsStayWithinTheTargetWithMillisecondTimestamps() {
    // FLV stamps 30 fps as 33 or 34 ms: frames of 2970 and 3060 ticks.
    Segmenter segmenter = own(VIDEO);
    Events events = new Events();
    for (int i = 0; i < 600; i++) {
      long millis = Math.round(i * 1000.0 / 30);
      events.add(segmenter.add(new Sample(millis * 90, 0, 0, i % 60 == 0, new byte[1])));
    }
    events.add(segmenter.finish());
    assertThat(events.parts).allSatisfy(p -> assertThat(p.duration()).isLessThanOrEqualTo(45_000));
    // RFC 8216bis: every part but a segment's last lasts at least 85% of the part target.
    for (int i = 0; i + 1 < events.parts.size(); i++) {
      if (events.parts.get(i + 1).partIndex() != 0) {
        assertThat(events.parts.get(i).duration()).isGreaterThanOrEqualTo(38_250);
      }
    }
  }

  @Test
  void anOwnCuttingSegmenterRefusesCutsFromOutside() {
    assertThatThrownBy(() -> own(VIDEO).cutAt(SECOND, SECOND))
        .isInstanceOf(IllegalStateException.class);
  }

  private static String type(byte[] box) {
    return new String(box, 4, 4, StandardCharsets.ISO_8859_1);
  }
}
