package io.onair.streaming.media.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.api.MediaFrame;
import io.onair.streaming.media.cmaf.FlvFile;
import io.onair.streaming.media.cmaf.Packaging;
import io.onair.streaming.media.cmaf.SegmentPolicy;
import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import io.onair.streaming.media.cmaf.TrackFormat;
import io.onair.streaming.media.manifest.TrackKind;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The recorded sample fed as a live feed hands it out: configurations, then frames. */
class LivePackagerTest {

  private static final String SAMPLE = "/io/onair/streaming/media/cmaf/testdata/sample.flv";

  /** Records what the packager made, per track. */
  private static final class Recorder implements PackagedTracks {
    final Map<TrackKind, List<byte[]>> inits = new TreeMap<>();
    final Map<TrackKind, List<PartComplete>> parts = new TreeMap<>();
    final Map<TrackKind, List<SegmentComplete>> segments = new TreeMap<>();
    int ended;

    @Override
    public void initSegment(String rendition, TrackKind track, TrackFormat format, byte[] bytes) {
      assertThat(rendition).isEqualTo("source");
      inits.computeIfAbsent(track, t -> new ArrayList<>()).add(bytes);
    }

    @Override
    public void part(String rendition, TrackKind track, PartComplete part) {
      parts.computeIfAbsent(track, t -> new ArrayList<>()).add(part);
    }

    @Override
    public void segment(String rendition, TrackKind track, SegmentComplete segment) {
      segments.computeIfAbsent(track, t -> new ArrayList<>()).add(segment);
    }

    @Override
    public void ended() {
      ended++;
    }
  }

  private final Recorder recorder = new Recorder();
  private final LivePackager packager = new LivePackager("source", SegmentPolicy.DEFAULT, recorder);

  @Test
  void aFeedIsPackagedExactlyAsTheRecordedRenditionIs() throws Exception {
    FlvFile flv = FlvFile.read(SAMPLE);
    flv.feed.forEach(packager::accept);
    packager.end();

    Packaging reference = Packaging.of(flv, SegmentPolicy.DEFAULT);
    assertThat(recorder.inits.get(TrackKind.VIDEO)).containsExactly(reference.video.init);
    assertThat(recorder.inits.get(TrackKind.AUDIO)).containsExactly(reference.audio.init);
    assertSameSegments(recorder.segments.get(TrackKind.VIDEO), reference.video.segments);
    assertSameSegments(recorder.segments.get(TrackKind.AUDIO), reference.audio.segments);
    assertThat(packager.droppedFrames()).isZero();
  }

  @Test
  void everySegmentIsTheConcatenationOfItsParts() throws Exception {
    FlvFile.read(SAMPLE).feed.forEach(packager::accept);
    packager.end();
    for (TrackKind kind : TrackKind.values()) {
      for (SegmentComplete segment : recorder.segments.get(kind)) {
        ByteArrayOutputStream parts = new ByteArrayOutputStream();
        recorder.parts.get(kind).stream()
            .filter(p -> p.segmentNumber() == segment.number())
            .forEach(p -> parts.writeBytes(p.bytes()));
        assertThat(parts.toByteArray())
            .as("%s segment %d", kind, segment.number())
            .isEqualTo(segment.bytes());
      }
    }
  }

  @Test
  void anEncoderReconnectingWithItsClockAtZeroContinuesTheNumbersAndTheMediaTime()
      throws Exception {
    FlvFile flv = FlvFile.read(SAMPLE);
    flv.feed.forEach(packager::accept);
    List<MediaFrame> again = flv.feed;
    for (int i = 0; i < again.size(); i++) {
      MediaFrame f = again.get(i);
      packager.accept(
          new MediaFrame(
              f.track(), f.codec(), f.kind(), f.dts(), f.compositionOffset(), i == 0, f.data()));
    }
    packager.end();

    List<SegmentComplete> video = recorder.segments.get(TrackKind.VIDEO);
    int once = Packaging.of(flv, SegmentPolicy.DEFAULT).video.segments.size();
    assertThat(video).hasSizeGreaterThan(once);
    for (int i = 1; i < video.size(); i++) {
      assertThat(video.get(i).number()).isEqualTo(video.get(i - 1).number() + 1);
      assertThat(video.get(i).start())
          .isEqualTo(video.get(i - 1).start() + video.get(i - 1).duration());
    }
    assertThat(recorder.inits.get(TrackKind.VIDEO)).as("same configuration, same init").hasSize(1);
    assertThat(packager.droppedFrames()).isZero();
  }

  @Test
  void framesBeforeAnyConfigurationAreDroppedAndCounted() throws Exception {
    List<MediaFrame> feed = FlvFile.read(SAMPLE).feed;
    MediaFrame media =
        feed.stream().filter(f -> f.kind() != MediaFrame.Kind.CONFIG).findFirst().orElseThrow();
    packager.accept(media);
    assertThat(packager.droppedFrames()).isEqualTo(1);
    assertThat(recorder.inits).isEmpty();
  }

  private static void assertSameSegments(
      List<SegmentComplete> actual, List<SegmentComplete> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).number()).isEqualTo(expected.get(i).number());
      assertThat(actual.get(i).start()).isEqualTo(expected.get(i).start());
      assertThat(actual.get(i).duration()).isEqualTo(expected.get(i).duration());
      assertThat(actual.get(i).bytes()).as("segment %d", i).isEqualTo(expected.get(i).bytes());
    }
  }
}
