package io.onair.streaming.application.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.application.live.LiveWindows;
import io.onair.streaming.application.recording.Recorder;
import io.onair.streaming.domain.recording.TrackDescription;
import io.onair.streaming.media.cmaf.FlvFile;
import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import io.onair.streaming.media.live.LiveWindow;
import io.onair.streaming.media.live.TrackWindow;
import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.VideoTrack;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublishedTracksTest {

  private static final Instant ZERO = Instant.parse("2026-11-21T09:00:00Z");

  /** The recorder as the tracks call it, writing nothing. */
  private static final class RecorderSpy extends Recorder {
    final List<TrackDescription> tracks = new ArrayList<>();
    final Map<TrackRef, List<Instant>> dates = new HashMap<>();
    boolean failing;

    @Override
    public void startTrack(long broadcastId, TrackDescription track, byte[] initSegment)
        throws IOException {
      tracks.add(track);
      if (failing) {
        throw new IOException("disk full");
      }
    }

    @Override
    public boolean storeSegment(
        long broadcastId, TrackRef track, SegmentComplete segment, Instant programDateTime)
        throws IOException {
      if (failing) {
        throw new IOException("disk full");
      }
      dates.computeIfAbsent(track, t -> new ArrayList<>()).add(programDateTime);
      return true;
    }
  }

  private final RecorderSpy recorder = new RecorderSpy();
  private final Map<String, Object> metadata = new HashMap<>();
  private final LiveWindows windows = new LiveWindows(Clock.fixed(ZERO, ZoneOffset.UTC));
  private PublishedTracks tracks;
  private FlvFile sample;

  @BeforeEach
  void sample() throws Exception {
    sample = FlvFile.read("/io/onair/streaming/media/cmaf/testdata/sample.flv");
    tracks =
        new PublishedTracks(
            7,
            "town-hall",
            windows,
            recorder,
            () -> metadata,
            Clock.fixed(ZERO, ZoneOffset.UTC),
            Runnable::run);
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

  @Test
  void partsAndSegmentsReachTheChannelsLiveWindowBeforeTheRecordingAndTheEndEndsIt() {
    recorder.failing = true;
    tracks.initSegment("source", TrackKind.VIDEO, sample.video(), new byte[] {1});
    tracks.initSegment("source", TrackKind.AUDIO, sample.audio(), new byte[] {2});
    TrackRef video = new TrackRef("source", TrackKind.VIDEO);
    tracks.part("source", TrackKind.VIDEO, new PartComplete(0, 0, 0, 45_000, true, new byte[] {3}));
    tracks.part(
        "source", TrackKind.VIDEO, new PartComplete(0, 1, 45_000, 45_000, false, new byte[] {4}));
    tracks.segment("source", TrackKind.VIDEO, new SegmentComplete(0, 0, 90_000, new byte[] {3, 4}));

    LiveWindow window = windows.of("town-hall").orElseThrow();
    assertThat(window.broadcastId()).isEqualTo(7);
    assertThat(window.startedAt()).isEqualTo(ZERO);
    TrackWindow track = window.track(video).orElseThrow();
    assertThat(track.init()).containsExactly(1);
    assertThat(track.timeline().segments()).hasSize(1);
    assertThat(track.part(0, 1)).hasValueSatisfying(b -> assertThat(b).containsExactly(4));
    assertThat(window.ended()).isFalse();

    tracks.ended();
    assertThat(window.ended()).isTrue();
    assertThat(track.timeline().ended()).isTrue();
  }
}
