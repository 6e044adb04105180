package io.onair.streaming.application.packaging;

import io.onair.streaming.application.recording.Recorder;
import io.onair.streaming.domain.recording.TrackDescription;
import io.onair.streaming.media.cmaf.SegmenterEvent;
import io.onair.streaming.media.cmaf.TrackFormat;
import io.onair.streaming.media.live.PackagedTracks;
import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.VideoTrack;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A broadcast's packaged tracks going to the recording: init segments and complete segments stored
 * and indexed through the {@link Recorder}. Media time 0 is the wall-clock instant of the first
 * init segment, which is when the packager saw its first frame: each segment's program date-time is
 * that instant plus its start.
 *
 * <p>The bandwidth a track declares is what the encoder announced in {@code onMetaData}
 * (videodatarate, audiodatarate in kbit/s), else a safe guess; the replay measures the stored
 * segments instead.
 */
final class RecordedTracks implements PackagedTracks {

  private static final Logger LOG = Logger.getLogger(RecordedTracks.class.getName());
  private static final long GUESSED_VIDEO_BPS = 4_000_000;
  private static final long GUESSED_AUDIO_BPS = 160_000;
  private static final int GUESSED_FRAME_RATE = 30;

  private final long broadcastId;
  private final Recorder recorder;
  private final Supplier<Map<String, Object>> metadata;
  private final Clock clock;
  private final Map<TrackKind, Long> timescales = new EnumMap<>(TrackKind.class);
  private Instant mediaTimeZero;

  RecordedTracks(
      long broadcastId, Recorder recorder, Supplier<Map<String, Object>> metadata, Clock clock) {
    this.broadcastId = broadcastId;
    this.recorder = recorder;
    this.metadata = metadata;
    this.clock = clock;
  }

  @Override
  public void initSegment(String rendition, TrackKind track, TrackFormat format, byte[] bytes) {
    if (mediaTimeZero == null) {
      mediaTimeZero = clock.instant();
    }
    try {
      recorder.startTrack(broadcastId, describe(rendition, format), bytes);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, e, () -> "Broadcast " + broadcastId + ": track not recorded");
    }
  }

  @Override
  public void part(String rendition, TrackKind track, SegmenterEvent.PartComplete part) {
    // Parts serve LL-HLS players from memory; the recording keeps whole segments only.
  }

  @Override
  public void segment(String rendition, TrackKind track, SegmenterEvent.SegmentComplete segment) {
    try {
      recorder.storeSegment(
          broadcastId, new TrackRef(rendition, track), segment, programDateTime(segment, track));
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          e,
          () -> "Broadcast " + broadcastId + ": segment " + segment.number() + " not recorded");
    }
  }

  private Instant programDateTime(SegmenterEvent.SegmentComplete segment, TrackKind track) {
    long timescale = timescales.get(track);
    long seconds = segment.start() / timescale;
    long nanos = (segment.start() % timescale) * 1_000_000_000L / timescale;
    return mediaTimeZero.plusSeconds(seconds).plusNanos(nanos);
  }

  private TrackDescription describe(String rendition, TrackFormat format) {
    Map<String, Object> declared = metadata.get();
    timescales.put(format.isVideo() ? TrackKind.VIDEO : TrackKind.AUDIO, (long) format.timescale());
    if (format instanceof TrackFormat.Avc avc) {
      long bps = kbps(declared.get("videodatarate"), GUESSED_VIDEO_BPS);
      int fps = (int) Math.round(number(declared.get("framerate"), GUESSED_FRAME_RATE));
      return new TrackDescription.Video(
          rendition,
          format.timescale(),
          new VideoTrack(
              avc.codecs(), avc.width(), avc.height(), FrameRate.of(Math.max(1, fps)), bps, bps));
    }
    TrackFormat.Aac aac = (TrackFormat.Aac) format;
    return new TrackDescription.Audio(
        rendition,
        format.timescale(),
        new AudioTrack(
            aac.codecs(),
            kbps(declared.get("audiodatarate"), GUESSED_AUDIO_BPS),
            aac.sampleRate(),
            aac.channels()));
  }

  private static long kbps(Object value, long otherwise) {
    double kbps = number(value, 0);
    return kbps > 0 ? Math.round(kbps * 1000) : otherwise;
  }

  private static double number(Object value, double otherwise) {
    return value instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : otherwise;
  }
}
