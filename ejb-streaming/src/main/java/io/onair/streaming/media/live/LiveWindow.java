package io.onair.streaming.media.live;

import io.onair.streaming.media.cmaf.SegmenterEvent;
import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import io.onair.streaming.media.manifest.Ladder;
import io.onair.streaming.media.manifest.Rendition;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.TrackTimeline;
import io.onair.streaming.media.manifest.VideoTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One live broadcast as its players see it: the ladder as the packager started it, a {@link
 * TrackWindow} per track, and the requests waiting for the next part or segment.
 *
 * <p>Media time 0 of every track is {@link #startedAt()}, the wall-clock instant the first track
 * started; segment program date-times and the DASH availability start follow from it.
 *
 * <p>The packaging thread writes; request threads read and wait. A waiting request registers a
 * one-shot {@link Runnable} that runs, on the packaging thread, after the next change of any track:
 * it must be quick (hand the work to a request thread).
 */
public final class LiveWindow {

  private final String channel;
  private final long broadcastId;
  private final Instant startedAt;
  private final Object ladder = new Object();
  private final Map<String, VideoTrack> videos = new LinkedHashMap<>();
  private final Map<String, AudioTrack> audios = new LinkedHashMap<>();
  private final Map<TrackRef, TrackWindow> tracks = new ConcurrentHashMap<>();
  private final List<Runnable> waiting = new ArrayList<>();
  private final AtomicLong version = new AtomicLong();
  private volatile boolean ended;
  private volatile Instant endedAt;

  public LiveWindow(String channel, long broadcastId, Instant startedAt) {
    this.channel = channel;
    this.broadcastId = broadcastId;
    this.startedAt = startedAt;
  }

  public String channel() {
    return channel;
  }

  public long broadcastId() {
    return broadcastId;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** A rendition's video track starts, or starts again with a new header. */
  public void startVideo(String rendition, long timescale, VideoTrack format, byte[] init) {
    synchronized (ladder) {
      videos.put(rendition, format);
    }
    start(new TrackRef(rendition, TrackKind.VIDEO), timescale, init);
  }

  /** A rendition's audio track starts, or starts again with a new header. */
  public void startAudio(String rendition, long timescale, AudioTrack format, byte[] init) {
    synchronized (ladder) {
      audios.put(rendition, format);
    }
    start(new TrackRef(rendition, TrackKind.AUDIO), timescale, init);
  }

  public void part(TrackRef track, SegmenterEvent.PartComplete part) {
    TrackWindow window = tracks.get(track);
    if (window != null) {
      window.addPart(part);
      wakeUp();
    }
  }

  public void segment(TrackRef track, SegmenterEvent.SegmentComplete segment) {
    TrackWindow window = tracks.get(track);
    if (window != null) {
      window.completeSegment(segment);
      wakeUp();
    }
  }

  /** The broadcast ended: every track is complete, waiting requests are answered. */
  public void end(Instant at) {
    tracks.values().forEach(TrackWindow::end);
    endedAt = at;
    ended = true;
    wakeUp();
  }

  public boolean ended() {
    return ended;
  }

  /**
   * Counts the changes of any track, counted after each is made: whatever is read after reading a
   * version is at least that version's state, so a rendering may be reused while it stays the same.
   */
  public long version() {
    return version.get();
  }

  /** When the broadcast ended, if it did. */
  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  /** Whether any track outgrew its timeline and lost its oldest segments. */
  public boolean trimmed() {
    return tracks.values().stream().anyMatch(TrackWindow::trimmed);
  }

  public Optional<TrackWindow> track(TrackRef track) {
    return Optional.ofNullable(tracks.get(track));
  }

  /**
   * The ladder and every published track's timeline, once each rendition that has both tracks has a
   * complete video and audio segment; empty before (players retry).
   */
  public Optional<BroadcastTimelines> timelines() {
    List<Rendition> renditions = new ArrayList<>();
    Map<TrackRef, TrackTimeline> timelines = new LinkedHashMap<>();
    synchronized (ladder) {
      for (Map.Entry<String, VideoTrack> video : videos.entrySet()) {
        AudioTrack audio = audios.get(video.getKey());
        if (audio == null) {
          continue;
        }
        Rendition rendition = new Rendition(video.getKey(), video.getValue(), audio);
        TrackTimeline videoTimeline = tracks.get(TrackRef.video(rendition)).timeline();
        TrackTimeline audioTimeline = tracks.get(TrackRef.audio(rendition)).timeline();
        if (videoTimeline.isEmpty() || audioTimeline.isEmpty()) {
          continue;
        }
        renditions.add(rendition);
        timelines.put(TrackRef.video(rendition), videoTimeline);
        timelines.put(TrackRef.audio(rendition), audioTimeline);
      }
    }
    if (renditions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BroadcastTimelines(startedAt, Ladder.largestFirst(renditions), timelines));
  }

  /**
   * Runs {@code wakeUp} once, after the next change to any track (or at once if the broadcast has
   * ended). The caller looks again and, if what it waits for is still missing, registers again.
   */
  public void onNextChange(Runnable wakeUp) {
    synchronized (waiting) {
      if (!ended) {
        waiting.add(wakeUp);
        return;
      }
    }
    wakeUp.run();
  }

  /** The wall-clock time of a media time of a track with this timescale. */
  public Instant programDateTime(long mediaTime, long timescale) {
    long seconds = mediaTime / timescale;
    long nanos = (mediaTime % timescale) * 1_000_000_000L / timescale;
    return startedAt.plusSeconds(seconds).plusNanos(nanos);
  }

  private void start(TrackRef track, long timescale, byte[] init) {
    TrackWindow known = tracks.get(track);
    if (known != null && known.timescale() == timescale) {
      known.replaceInit(init);
    } else {
      tracks.put(
          track,
          new TrackWindow(
              channel + "/" + track.directory(),
              timescale,
              init,
              mediaTime -> programDateTime(mediaTime, timescale)));
    }
    wakeUp();
  }

  private void wakeUp() {
    version.incrementAndGet();
    List<Runnable> woken;
    synchronized (waiting) {
      if (waiting.isEmpty()) {
        return;
      }
      woken = new ArrayList<>(waiting);
      waiting.clear();
    }
    woken.forEach(Runnable::run);
  }
}
