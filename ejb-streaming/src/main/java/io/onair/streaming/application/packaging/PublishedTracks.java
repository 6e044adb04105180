package io.onair.streaming.application.packaging;

import io.onair.streaming.application.live.LiveWindows;
import io.onair.streaming.application.recording.Recorder;
import io.onair.streaming.application.transcoding.TranscodedRenditions;
import io.onair.streaming.domain.recording.TrackDescription;
import io.onair.streaming.media.EncoderMetadata;
import io.onair.streaming.media.cmaf.SegmenterEvent;
import io.onair.streaming.media.cmaf.TrackFormat;
import io.onair.streaming.media.live.LiveWindow;
import io.onair.streaming.media.live.PackagedTracks;
import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.VideoTrack;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a broadcast's packaged tracks go: first to the channel's {@link LiveWindow}, which players
 * read from memory the moment a part or segment is complete, then to the {@link Recorder}, which
 * stores and indexes each complete segment for the replay (and for live players reaching further
 * back than the window keeps in memory). The recording runs in a {@link RecordingLane}, so the disk
 * never delays live players; a failing recording is logged and does not stop live delivery.
 *
 * <p>Media time 0 is the wall-clock instant of the first init segment, which is when the packager
 * saw its first frame: the window opens then, and each segment's program date-time is that instant
 * plus its start.
 *
 * <p>The bandwidth a track declares is what the encoder announced in {@code onMetaData}
 * (videodatarate, audiodatarate in kbit/s), else a safe guess; the replay measures the stored
 * segments instead. A rendition the transcoder makes is {@linkplain #declare declared} with its
 * rung's figures, in the same terms.
 *
 * <p>Every rendition of the broadcast comes here: the source from the packaging thread, each rung
 * from its own reader, so the media calls are serialized. Each is quick: the window is memory, the
 * recording is handed to its lane.
 */
final class PublishedTracks implements PackagedTracks, TranscodedRenditions {

  private static final Logger LOG = Logger.getLogger(PublishedTracks.class.getName());
  private static final long GUESSED_VIDEO_BPS = 4_000_000;
  private static final long GUESSED_AUDIO_BPS = 160_000;

  /** How long the end of a broadcast waits for its recording to catch up. */
  private static final Duration RECORDING_DRAIN = Duration.ofMinutes(1);

  private final long broadcastId;
  private final String channel;
  private final LiveWindows windows;
  private final Recorder recorder;
  private final Supplier<Map<String, Object>> metadata;
  private final Clock clock;
  private final RecordingLane lane;
  private final Map<String, Map<String, Object>> declared = new ConcurrentHashMap<>();
  private long refused;
  private LiveWindow window;

  PublishedTracks(
      long broadcastId,
      String channel,
      LiveWindows windows,
      Recorder recorder,
      Supplier<Map<String, Object>> metadata,
      Clock clock,
      Executor recordingThreads) {
    this.broadcastId = broadcastId;
    this.channel = channel;
    this.windows = windows;
    this.recorder = recorder;
    this.metadata = metadata;
    this.clock = clock;
    this.lane = new RecordingLane("Broadcast " + broadcastId + " of " + channel, recordingThreads);
  }

  /**
   * What a transcoded rendition declares, as an encoder's {@code onMetaData} would: {@code
   * videodatarate} and {@code audiodatarate} in kbit/s, {@code framerate}. Call before its tracks
   * start.
   */
  @Override
  public void declare(String rendition, Map<String, Object> properties) {
    declared.put(rendition, Map.copyOf(properties));
  }

  /**
   * This sink for one of the renditions that end before the broadcast does (the rungs): the same,
   * but for {@link #ended()}, which the source's packager calls once every rendition is done.
   */
  @Override
  public PackagedTracks rendition() {
    PublishedTracks all = this;
    return new PackagedTracks() {
      @Override
      public void initSegment(String rendition, TrackKind track, TrackFormat format, byte[] bytes) {
        all.initSegment(rendition, track, format, bytes);
      }

      @Override
      public synchronized void part(
          String rendition, TrackKind track, SegmenterEvent.PartComplete part) {
        all.part(rendition, track, part);
      }

      @Override
      public void segment(
          String rendition, TrackKind track, SegmenterEvent.SegmentComplete segment) {
        all.segment(rendition, track, segment);
      }

      @Override
      public void ended() {}
    };
  }

  @Override
  public Map<String, Object> sourceMetadata() {
    return metadata.get();
  }

  @Override
  public synchronized void initSegment(
      String rendition, TrackKind track, TrackFormat format, byte[] bytes) {
    if (window == null) {
      window = windows.open(channel, broadcastId);
    }
    TrackDescription description = describe(rendition, format);
    if (description instanceof TrackDescription.Video video) {
      window.startVideo(rendition, format.timescale(), video.format(), bytes);
    } else if (description instanceof TrackDescription.Audio audio) {
      window.startAudio(rendition, format.timescale(), audio.format(), bytes);
    }
    record(
        () -> {
          try {
            recorder.startTrack(broadcastId, description, bytes);
          } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "Broadcast " + broadcastId + ": track not recorded");
          }
        });
  }

  @Override
  public synchronized void part(
      String rendition, TrackKind track, SegmenterEvent.PartComplete part) {
    // Parts serve LL-HLS players from memory; the recording keeps whole segments only.
    window.part(new TrackRef(rendition, track), part);
  }

  @Override
  public synchronized void segment(
      String rendition, TrackKind track, SegmenterEvent.SegmentComplete segment) {
    TrackRef ref = new TrackRef(rendition, track);
    window.segment(ref, segment);
    long timescale = window.track(ref).orElseThrow().timescale();
    Instant programDateTime = window.programDateTime(segment.start(), timescale);
    record(
        () -> {
          try {
            recorder.storeSegment(broadcastId, ref, segment, programDateTime);
          } catch (IOException | RuntimeException e) {
            LOG.log(
                Level.SEVERE,
                e,
                () ->
                    "Broadcast " + broadcastId + ": segment " + segment.number() + " not recorded");
          }
        });
  }

  /** The window ends at once; the end waits (a while) for the last segments to be stored. */
  @Override
  public void ended() {
    LiveWindow opened;
    synchronized (this) {
      opened = window;
    }
    if (opened != null) {
      opened.end(clock.instant());
    }
    try {
      if (!lane.awaitDone(RECORDING_DRAIN)) {
        LOG.severe(
            () -> "Broadcast " + broadcastId + ": the last segments were not stored in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(Runnable step) {
    if (!lane.submit(step::run)) {
      refused++;
      // The first refusal, then one line per hundred: a stalled disk must not flood the log.
      if (refused % 100 == 1) {
        LOG.severe(
            () ->
                "Broadcast "
                    + broadcastId
                    + ": the disk is not keeping up; "
                    + refused
                    + " segments left out of the recording so far (live players are not affected)");
      }
    }
  }

  private TrackDescription describe(String rendition, TrackFormat format) {
    EncoderMetadata declared =
        new EncoderMetadata(this.declared.getOrDefault(rendition, metadata.get()));
    if (format instanceof TrackFormat.Avc avc) {
      long bps = declared.videoBitsPerSecond().orElse(GUESSED_VIDEO_BPS);
      return new TrackDescription.Video(
          rendition,
          format.timescale(),
          new VideoTrack(
              avc.codecs(), avc.width(), avc.height(), declared.exactFrameRate(), bps, bps));
    }
    TrackFormat.Aac aac = (TrackFormat.Aac) format;
    return new TrackDescription.Audio(
        rendition,
        format.timescale(),
        new AudioTrack(
            aac.codecs(),
            declared.audioBitsPerSecond().orElse(GUESSED_AUDIO_BPS),
            aac.sampleRate(),
            aac.channels()));
  }
}
