package io.onair.streaming.media.live;

import io.onair.rtmp.api.MediaFrame;
import io.onair.streaming.media.cmaf.AudioTimeline;
import io.onair.streaming.media.cmaf.InitSegment;
import io.onair.streaming.media.cmaf.MediaFormatException;
import io.onair.streaming.media.cmaf.RenditionSegmenter;
import io.onair.streaming.media.cmaf.Sample;
import io.onair.streaming.media.cmaf.SegmentPolicy;
import io.onair.streaming.media.cmaf.Segmenter;
import io.onair.streaming.media.cmaf.SegmenterEvent;
import io.onair.streaming.media.cmaf.TrackFormat;
import io.onair.streaming.media.manifest.TrackKind;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Packages one live rendition: the frames of a live feed, in the order the hub hands them, into
 * CMAF tracks (an init segment, then parts and segments) for a {@link PackagedTracks} sink.
 *
 * <p>The hub starts a subscriber with the codec configurations, then the GOP from its last key
 * frame, so the tracks start at the first frame after the configurations, with whichever of audio
 * and video were configured. Media time 0 is that first frame. An encoder that reconnects
 * mid-broadcast (a frame marked as a discontinuity) starts its clock again; its frames are shifted
 * to continue the media time, so segments keep their numbers and the timeline stays monotonic. If
 * it also changes its configuration (another resolution in OBS), the tracks are finished and begin
 * again with a new init segment.
 *
 * <p>A rendition made by the transcoder is fed frames whose time is already the source's media time
 * plus a fixed offset; its packager is made {@linkplain #withOrigin with that origin} rather than
 * starting at its own first frame, so its segments line up with the source's.
 *
 * <p>Not thread-safe: one thread at a time feeds it.
 */
public final class LivePackager {

  private static final Logger LOG = Logger.getLogger(LivePackager.class.getName());

  /** What a reconnecting encoder's first frame is placed after: about one frame at 30 fps. */
  private static final long DISCONTINUITY_GAP_MS = 33;

  private final String rendition;
  private final SegmentPolicy policy;
  private final PackagedTracks sink;
  private final FrameTap tap;

  private byte[] videoConfig;
  private byte[] audioConfig;
  private TrackFormat video;
  private TrackFormat.Aac audio;
  private AudioTimeline audioTimeline;
  private RenditionSegmenter both;
  private Segmenter single;
  private long nextSegment;

  /** The feed's dts of media time 0, once the tracks started. */
  private long origin = Long.MIN_VALUE;

  /** Added to a feed dts after a discontinuity, so media time goes on. */
  private long shift;

  private long lastMediaMillis;
  private long dropped;

  public LivePackager(String rendition, SegmentPolicy policy, PackagedTracks sink) {
    this(rendition, policy, sink, FrameTap.NONE);
  }

  /** A packager that passes the frames it takes, with their media time, to {@code tap}. */
  public LivePackager(String rendition, SegmentPolicy policy, PackagedTracks sink, FrameTap tap) {
    this.rendition = Objects.requireNonNull(rendition, "rendition");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.tap = Objects.requireNonNull(tap, "tap");
  }

  /**
   * A packager whose media time 0 is the feed time {@code originMillis}, whatever its first frame:
   * frames before it are dropped.
   */
  public static LivePackager withOrigin(
      String rendition, SegmentPolicy policy, PackagedTracks sink, long originMillis) {
    LivePackager packager = new LivePackager(rendition, policy, sink);
    packager.origin = originMillis;
    return packager;
  }

  /** Takes the next frame of the feed. */
  public void accept(MediaFrame frame) {
    if (frame.discontinuity() && origin != Long.MIN_VALUE) {
      shift = lastMediaMillis + DISCONTINUITY_GAP_MS - (frame.dts() - origin);
    }
    switch (frame.kind()) {
      case CONFIG -> configure(frame);
      case KEY, DELTA -> media(frame);
      case END_OF_SEQUENCE -> {
        // The next configuration, if any, says what follows.
      }
    }
  }

  /** The feed ended: the last segments are completed and the sink is told nothing more comes. */
  public void end() {
    finish();
    tap.ended();
    sink.ended();
  }

  /**
   * The last segments are completed, without telling the sink the broadcast ended: for one of
   * several renditions that share a sink. A new configuration may start the tracks again.
   */
  public void finish() {
    if (both != null) {
      emit(both.finish());
    } else if (single != null) {
      emit(single.format().isVideo() ? TrackKind.VIDEO : TrackKind.AUDIO, single.finish());
    }
    both = null;
    single = null;
  }

  /** Frames that could not be packaged: before any configuration, or out of order. */
  public long droppedFrames() {
    return dropped;
  }

  private void configure(MediaFrame frame) {
    byte[] config = bytes(frame.data());
    boolean isVideo = frame.track() == MediaFrame.Track.VIDEO;
    byte[] current = isVideo ? videoConfig : audioConfig;
    if (Arrays.equals(current, config)) {
      return; // encoders repeat their configuration; nothing changes
    }
    if (started()) {
      LOG.info(() -> rendition + ": the encoder changed its " + frame.track() + " configuration");
      finish();
    }
    try {
      if (isVideo) {
        video = videoFormat(frame.codec(), config);
        videoConfig = config;
      } else if (frame.codec().equals("mp4a")) {
        audio = TrackFormat.aac(config);
        audioTimeline = new AudioTimeline(audio);
        audioConfig = config;
      } else {
        return;
      }
      tap.configured(frame);
    } catch (MediaFormatException unreadable) {
      LOG.warning(
          () ->
              rendition
                  + ": "
                  + frame.track()
                  + " configuration not usable: "
                  + unreadable.getMessage());
    }
  }

  private static TrackFormat videoFormat(String codec, byte[] config) {
    if (!codec.equals("avc1")) {
      // HEVC and AV1 need their picture size from elsewhere (the transcoder passes it).
      throw new MediaFormatException("video codec", codec, "is packaged after transcoding");
    }
    return TrackFormat.avc(config);
  }

  private void media(MediaFrame frame) {
    boolean isVideo = frame.track() == MediaFrame.Track.VIDEO;
    if (!started() && !start(frame)) {
      dropped++;
      return;
    }
    long mediaMillis = frame.dts() - origin + shift;
    if (mediaMillis < 0 || (isVideo ? video == null : audioTimeline == null)) {
      dropped++; // before media time 0, or a track that has no configuration
      return;
    }
    lastMediaMillis = Math.max(lastMediaMillis, mediaMillis);
    tap.frame(frame, mediaMillis);
    byte[] data = bytes(frame.data());
    try {
      if (isVideo) {
        Sample sample =
            new Sample(
                mediaMillis * 90, 0, frame.compositionOffset() * 90, frame.isKeyFrame(), data);
        add(TrackKind.VIDEO, sample);
      } else {
        add(TrackKind.AUDIO, new Sample(audioTimeline.decodeTime(mediaMillis), 0, 0, true, data));
      }
    } catch (MediaFormatException outOfOrder) {
      dropped++;
      LOG.fine(() -> rendition + ": frame dropped: " + outOfOrder.getMessage());
    }
  }

  private void add(TrackKind kind, Sample sample) {
    if (both != null) {
      emit(kind == TrackKind.VIDEO ? both.addVideo(sample) : both.addAudio(sample));
    } else if ((kind == TrackKind.VIDEO) == single.format().isVideo()) {
      emit(kind, single.add(sample));
    }
  }

  /** Starts the tracks at this frame, with the formats configured so far; false if none is. */
  private boolean start(MediaFrame first) {
    if (video == null && audio == null) {
      return false;
    }
    if (origin == Long.MIN_VALUE) {
      origin = first.dts();
    }
    if (video != null && audio != null) {
      both = new RenditionSegmenter(video, audio, policy, nextSegment);
    } else {
      TrackFormat only = video != null ? video : audio;
      single = new Segmenter(only, policy, Segmenter.Cutting.OWN, nextSegment);
    }
    if (video != null) {
      sink.initSegment(rendition, TrackKind.VIDEO, video, InitSegment.write(video));
    }
    if (audio != null) {
      sink.initSegment(rendition, TrackKind.AUDIO, audio, InitSegment.write(audio));
    }
    return true;
  }

  private boolean started() {
    return both != null || single != null;
  }

  private void emit(RenditionSegmenter.Output output) {
    emit(TrackKind.VIDEO, output.video());
    emit(TrackKind.AUDIO, output.audio());
  }

  private void emit(TrackKind kind, List<SegmenterEvent> events) {
    for (SegmenterEvent event : events) {
      if (event instanceof SegmenterEvent.PartComplete part) {
        sink.part(rendition, kind, part);
      } else if (event instanceof SegmenterEvent.SegmentComplete segment) {
        nextSegment = Math.max(nextSegment, segment.number() + 1);
        sink.segment(rendition, kind, segment);
      }
    }
  }

  private static byte[] bytes(ByteBuffer data) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return bytes;
  }
}
