package io.onair.streaming.application.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.application.recording.Recorder;
import io.onair.streaming.domain.recording.TrackDescription;
import io.onair.streaming.media.cmaf.FlvFile;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.VideoTrack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordedTracksTest {

  private static final Instant ZERO = Instant.parse("2026-11-21T09:00:00Z");

  /** The recorder as the tracks call it, writing nothing. */
  private static final class RecorderSpy extends Recorder {
    final List<TrackDescription> tracks = new ArrayList<>();
    final Map<TrackRef, List<Instant>> dates = new HashMap<>();

    @Override
    public void startTrack(long broadcastId, TrackDescription track, byte[] initSegment) {
      tracks.add(track);
    }

    @Override
    public boolean storeSegment(
        long broadcastId, TrackRef track, SegmentComplete segment, Instant programDateTime) {
      dates.computeIfAbsent(track, t -> new ArrayList<>()).add(programDateTime);
      return true;
    }
  }

  private final RecorderSpy recorder = new RecorderSpy();
  private final Map<String, Object> metadata = new HashMap<>();
  private RecordedTracks tracks;
  private FlvFile sample;

  @BeforeEach
  void sample() throws Exception {
    sample = FlvFile.read("/io/onair/streaming/media/cmaf/testdata/sample.flv");
    tracks = new RecordedTracks(7, recorder, () -> metadata, Clock.fixed(ZERO, ZoneOffset.UTC));
  }

  @Test
  void aVideoTrackDeclaresWhatTheEncoderAnnouncedAndItsSizeFromTheSps() {
    metadata.put("videodatarate", 2500.0);
    metadata.put("framerate", 25.0);
    tracks.initSegment("source", TrackKind.VIDEO, sample.video(), new byte[] {1});

    VideoTrack video = ((TrackDescription.Video) recorder.tracks.get(0)).format();
    assertThat(video.codecs()).isEqualTo("avc1.64000d");
    assertThat(video.width()).isEqualTo(320);
    assertThat(video.height()).isEqualTo(180);
    assertThat(video.frameRate()).isEqualTo(FrameRate.of(25));
    assertThat(video.peakBandwidth()).isEqualTo(2_500_000);
  }

  @Test
  void withoutAnnouncementsTheTracksDeclareSafeGuesses() {
    tracks.initSegment("source", TrackKind.VIDEO, sample.video(), new byte[] {1});
    tracks.initSegment("source", TrackKind.AUDIO, sample.audio(), new byte[] {1});
    VideoTrack video = ((TrackDescription.Video) recorder.tracks.get(0)).format();
    assertThat(video.frameRate()).isEqualTo(FrameRate.of(30));
    assertThat(video.averageBandwidth()).isPositive();
    assertThat(((TrackDescription.Audio) recorder.tracks.get(1)).format().bandwidth()).isPositive();
  }

  @Test
  void aSegmentsProgramDateTimeIsMediaTimeZeroPlusItsStartInItsTrackTimescale() {
    tracks.initSegment("source", TrackKind.VIDEO, sample.video(), new byte[] {1});
    tracks.initSegment("source", TrackKind.AUDIO, sample.audio(), new byte[] {1});
    int audioRate = sample.audio().timescale();
    tracks.segment(
        "source", TrackKind.VIDEO, new SegmentComplete(2, 4 * 90_000 + 4_500, 1, new byte[] {1}));
    tracks.segment(
        "source", TrackKind.AUDIO, new SegmentComplete(1, 2L * audioRate, 1, new byte[] {1}));

    assertThat(recorder.dates.get(new TrackRef("source", TrackKind.VIDEO)))
        .containsExactly(ZERO.plusMillis(4_050));
    assertThat(recorder.dates.get(new TrackRef("source", TrackKind.AUDIO)))
        .containsExactly(ZERO.plusSeconds(2));
  }
}
