package io.onair.streaming.media.cmaf;

import static io.onair.streaming.media.cmaf.Box.box;
import static io.onair.streaming.media.cmaf.Box.fullBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.cmaf.Box.Fields;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reading a stored segment's start and duration back: against everything the packager writes for a
 * real recording, and against hand-made boxes for the fields our writer never uses.
 */
class SegmentTimingTest {

  @Test
  void everySegmentOfARealRecordingReadsBackAsThePackagerReportedIt() throws IOException {
    Packaging packaging = Packaging.of(FlvFile.read("testdata/sample.flv"), SegmentPolicy.DEFAULT);
    for (Packaging.Track track : List.of(packaging.video, packaging.audio)) {
      assertThat(track.segments).hasSizeGreaterThanOrEqualTo(2);
      for (SegmentComplete segment : track.segments) {
        assertThat(SegmentTiming.of(segment.bytes()))
            .isEqualTo(new SegmentTiming(segment.start(), segment.duration()));
      }
    }
  }

  @Test
  void aSegmentOfSeveralPartsLastsAsLongAsAllOfThem() {
    Segmenter segmenter = SegmenterTest.own(SegmenterTest.VIDEO);
    SegmenterTest.Events events = SegmenterTest.video(segmenter, 120, 60);
    SegmentComplete second = events.segments.get(1);
    assertThat(events.parts.stream().filter(p -> p.segmentNumber() == 1)).hasSize(4);

    assertThat(SegmentTiming.of(second.bytes()))
        .isEqualTo(new SegmentTiming(2L * SegmenterTest.SECOND, 2L * SegmenterTest.SECOND));
  }

  /** tfhd with only track_ID and, if given, a default sample duration. */
  private static byte[] tfhd(Long defaultDuration) {
    Fields fields = new Fields().u32(1);
    if (defaultDuration != null) {
      fields.u32(defaultDuration);
    }
    return fullBox("tfhd", 0, defaultDuration != null ? 0x08 : 0, fields.toBytes());
  }

  /** trun with {@code count} samples, each with duration (if given) and size. */
  private static byte[] trun(int count, Integer duration) {
    Fields fields = new Fields().u32(count);
    for (int i = 0; i < count; i++) {
      if (duration != null) {
        fields.u32(duration);
      }
      fields.u32(100);
    }
    return fullBox("trun", 0, (duration != null ? 0x100 : 0) | 0x200, fields.toBytes());
  }

  private static byte[] moof(byte[]... trafChildren) {
    return box("moof", MediaSegment.mfhd(1), box("traf", trafChildren));
  }

  @Test
  void aVersion0TfdtAndTfhdDefaultDurationsAreRead() {
    byte[] tfdt = fullBox("tfdt", 0, 0, new Fields().u32(0xFFFF_FFF0L).toBytes());
    byte[] segment = Box.concat(MediaSegment.styp(), moof(tfhd(1024L), tfdt, trun(3, null)));

    assertThat(SegmentTiming.of(segment)).isEqualTo(new SegmentTiming(0xFFFF_FFF0L, 3 * 1024));
  }

  @Test
  void aLargesizeBoxAndABoxRunningToTheEndAreFramedRight() {
    byte[] moof = moof(tfhd(null), MediaSegment.tfdt(500), trun(2, 40));
    byte[] large = new Fields().u32(1).fourcc("moof").u64(moof.length + 8).toBytes();
    byte[] largeMoof = Box.concat(large, Arrays.copyOfRange(moof, 8, moof.length));
    byte[] toTheEnd = new Fields().u32(0).fourcc("mdat").u32(7).toBytes();

    assertThat(SegmentTiming.of(Box.concat(largeMoof, toTheEnd)))
        .isEqualTo(new SegmentTiming(500, 80));
  }

  @Test
  void fragmentsMustFollowEachOther() {
    byte[] first = moof(tfhd(null), MediaSegment.tfdt(0), trun(2, 10));
    byte[] follows = moof(tfhd(null), MediaSegment.tfdt(20), trun(1, 10));
    byte[] jumps = moof(tfhd(null), MediaSegment.tfdt(25), trun(1, 10));

    assertThat(SegmentTiming.of(Box.concat(first, follows))).isEqualTo(new SegmentTiming(0, 30));
    assertThatThrownBy(() -> SegmentTiming.of(Box.concat(first, jumps)))
        .isInstanceOf(MediaFormatException.class)
        .hasMessageContaining("tfdt baseMediaDecodeTime 25");
  }

  @Test
  void durationsNeedATrunFieldOrATfhdDefault() {
    byte[] segment = moof(tfhd(null), MediaSegment.tfdt(0), trun(2, null));
    assertThatThrownBy(() -> SegmentTiming.of(segment))
        .isInstanceOf(MediaFormatException.class)
        .hasMessageContaining("default_sample_duration");
  }

  @Test
  void aFragmentWithoutTfdtOrASegmentWithoutFragmentIsRefused() {
    assertThatThrownBy(() -> SegmentTiming.of(moof(tfhd(null), trun(1, 10))))
        .isInstanceOf(MediaFormatException.class)
        .hasMessageStartingWith("tfdt missing");
    assertThatThrownBy(() -> SegmentTiming.of(MediaSegment.styp()))
        .isInstanceOf(MediaFormatException.class)
        .hasMessageStartingWith("moof");
  }

  @Test
  void aSampleCountBeyondTheBoxIsRefusedBeforeReading() {
    byte[] liar = fullBox("trun", 0, 0x100, new Fields().u32(1_000_000).u32(10).toBytes());
    assertThatThrownBy(() -> SegmentTiming.of(moof(tfhd(null), MediaSegment.tfdt(0), liar)))
        .isInstanceOf(MediaFormatException.class)
        .hasMessageContaining("trun sample_count 1000000");
  }

  /**
   * A cut inside a box is refused. A cut between top-level boxes leaves a well-formed shorter
   * segment, which no parser can tell from a whole one: that is why the store only ever shows a
   * file under its final name once all of it is written.
   */
  @Test
  void everyCutOfARealSegmentIsRefusedOrEndsAtABoxAndIsShorter() throws IOException {
    SegmentComplete whole =
        Packaging.of(FlvFile.read("testdata/sample.flv"), SegmentPolicy.DEFAULT)
            .video
            .segments
            .get(1);
    byte[] segment = whole.bytes();
    Set<Integer> boundaries = new HashSet<>();
    for (int at = 0; at < segment.length; at += ByteBuffer.wrap(segment).getInt(at)) {
      boundaries.add(at);
    }
    assertThat(boundaries).hasSizeGreaterThan(4); // styp and several moof + mdat
    for (int length = 0; length < segment.length; length++) {
      byte[] cut = Arrays.copyOf(segment, length);
      if (boundaries.contains(length) && length > MediaSegment.styp().length) {
        assertThat(SegmentTiming.of(cut).duration()).isLessThanOrEqualTo(whole.duration());
      } else {
        assertThatThrownBy(() -> SegmentTiming.of(cut))
            .as("cut at %d of %d", length, segment.length)
            .isInstanceOf(MediaFormatException.class);
      }
    }
  }
}
