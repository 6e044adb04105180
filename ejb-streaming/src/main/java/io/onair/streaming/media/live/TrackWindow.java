package io.onair.streaming.media.live;

import io.onair.streaming.media.cmaf.SegmenterEvent;
import io.onair.streaming.media.manifest.OpenSegment;
import io.onair.streaming.media.manifest.Part;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.logging.Logger;

/**
 * What players of one live track read, in memory: the timeline of the broadcast so far (for the
 * playlists of the live window and of "from the beginning"), the CMAF header, and the bytes of the
 * newest segments and of the segment being written, part by part. Older segments are read from the
 * recording's files.
 *
 * <p>Bounded: segment bytes for the newest {@link #SEGMENTS_IN_MEMORY} segments only, part lists
 * for those too (playlists print parts for the last three target durations), and at most {@link
 * #MAX_SEGMENTS} timeline entries; past that the oldest go and the track says it was {@link
 * #trimmed()}.
 *
 * <p>One packaging thread writes; any number of request threads read. Readers get immutable
 * snapshots; the timeline snapshot is built once per change and shared.
 */
public final class TrackWindow {

  private static final Logger LOG = Logger.getLogger(TrackWindow.class.getName());

  /** Segments whose bytes stay in memory: the parts listed in playlists and a little slack. */
  static final int SEGMENTS_IN_MEMORY = 8;

  /** A day of 2 s segments: the most a "from the beginning" playlist lists. */
  static final int MAX_SEGMENTS = 43_200;

  private final String name;
  private final long timescale;
  private final LongFunction<Instant> programDateTime;
  private final Object lock = new Object();

  private byte[] init;
  private final List<Segment> segments = new ArrayList<>();
  private final Map<Long, List<byte[]>> bytes = new HashMap<>();
  private long openNumber = -1;
  private long openStart;
  private final List<Part> openParts = new ArrayList<>();
  private boolean ended;
  private boolean trimmed;
  private TrackTimeline snapshot;

  /**
   * @param name for the log, e.g. the channel and track directory
   * @param programDateTime the wall-clock time of a media time in this track's timescale
   */
  public TrackWindow(
      String name, long timescale, byte[] init, LongFunction<Instant> programDateTime) {
    if (timescale <= 0) {
      throw new IllegalArgumentException("timescale must be positive, was " + timescale);
    }
    this.name = name;
    this.timescale = timescale;
    this.init = init.clone();
    this.programDateTime = programDateTime;
  }

  public long timescale() {
    return timescale;
  }

  /** The CMAF header. */
  public byte[] init() {
    synchronized (lock) {
      return init;
    }
  }

  /**
   * The encoder changed its configuration: later segments need this header. Players holding the old
   * one will fail to decode them; a new period or discontinuity is not signalled.
   */
  void replaceInit(byte[] header) {
    synchronized (lock) {
      init = header.clone();
      changed();
    }
  }

  /** A part of the open segment is complete. */
  void addPart(SegmenterEvent.PartComplete part) {
    synchronized (lock) {
      if (part.segmentNumber() != openNumber) {
        openNumber = part.segmentNumber();
        openStart = part.start();
        openParts.clear();
      }
      if (part.partIndex() != openParts.size()) {
        LOG.warning(() -> name + ": part " + part.partIndex() + " out of order, ignored");
        return;
      }
      openParts.add(new Part(part.partIndex(), part.duration(), part.independent()));
      bytes.computeIfAbsent(openNumber, n -> new ArrayList<>()).add(part.bytes());
      changed();
    }
  }

  /** The open segment is complete; its bytes are the parts already added. */
  void completeSegment(SegmenterEvent.SegmentComplete segment) {
    synchronized (lock) {
      List<Part> parts = segment.number() == openNumber ? List.copyOf(openParts) : List.<Part>of();
      if (parts.isEmpty()) {
        bytes.put(segment.number(), List.of(segment.bytes()));
      }
      Segment complete =
          new Segment(
              segment.number(),
              segment.start(),
              segment.duration(),
              programDateTime.apply(segment.start()),
              segment.bytes().length,
              parts);
      if (!follows(complete)) {
        LOG.warning(
            () ->
                name
                    + ": segment "
                    + complete.number()
                    + " does not follow the timeline; the live window starts again with it");
        segments.clear();
        bytes.keySet().removeIf(n -> n != complete.number());
      }
      segments.add(complete);
      openNumber = -1;
      openParts.clear();
      forgetOld();
      changed();
    }
  }

  /** The broadcast ended: nothing will be added. */
  void end() {
    synchronized (lock) {
      if (openNumber >= 0) {
        bytes.remove(openNumber); // parts of a segment that never completed
      }
      openNumber = -1;
      openParts.clear();
      ended = true;
      changed();
    }
  }

  /** The timeline so far: every segment still known, the open one, whether it ended. */
  public TrackTimeline timeline() {
    synchronized (lock) {
      if (snapshot == null) {
        snapshot =
            ended
                ? TrackTimeline.ended(timescale, segments)
                : TrackTimeline.live(timescale, segments, openSegment());
      }
      return snapshot;
    }
  }

  /** Whether the oldest segments were dropped from the timeline ({@link #MAX_SEGMENTS}). */
  public boolean trimmed() {
    synchronized (lock) {
      return trimmed;
    }
  }

  /** A complete segment's bytes, as its parts in order, if still in memory. */
  public Optional<List<byte[]>> segment(long number) {
    synchronized (lock) {
      if (number == openNumber) {
        return Optional.empty(); // not complete yet
      }
      return Optional.ofNullable(bytes.get(number));
    }
  }

  /** A part's bytes, if published and still in memory. */
  public Optional<byte[]> part(long number, int index) {
    synchronized (lock) {
      List<byte[]> parts = bytes.get(number);
      if (parts == null || index < 0 || index >= parts.size()) {
        return Optional.empty();
      }
      boolean complete = number != openNumber;
      if (complete && !segmentHasParts(number)) {
        return Optional.empty(); // stored whole: its only entry is the segment, not part 0
      }
      return Optional.of(parts.get(index));
    }
  }

  private boolean segmentHasParts(long number) {
    for (int i = segments.size() - 1; i >= 0; i--) {
      Segment s = segments.get(i);
      if (s.number() == number) {
        return !s.parts().isEmpty();
      }
    }
    return false;
  }

  private OpenSegment openSegment() {
    if (openNumber < 0) {
      return null;
    }
    return new OpenSegment(openNumber, openStart, programDateTime.apply(openStart), openParts);
  }

  private boolean follows(Segment next) {
    if (segments.isEmpty()) {
      return true;
    }
    Segment last = segments.get(segments.size() - 1);
    return next.number() == last.number() + 1 && next.startTime() >= last.endTime();
  }

  /**
   * Drops the bytes and part lists of segments past the newest {@link #SEGMENTS_IN_MEMORY}, and
   * timeline entries past {@link #MAX_SEGMENTS}.
   */
  private void forgetOld() {
    int size = segments.size();
    if (size > SEGMENTS_IN_MEMORY) {
      Segment old = segments.get(size - SEGMENTS_IN_MEMORY - 1);
      bytes.remove(old.number());
      if (!old.parts().isEmpty()) {
        segments.set(
            size - SEGMENTS_IN_MEMORY - 1,
            new Segment(
                old.number(),
                old.startTime(),
                old.duration(),
                old.programDateTime(),
                old.byteSize(),
                List.of()));
      }
    }
    if (size > MAX_SEGMENTS) {
      segments.subList(0, size - MAX_SEGMENTS).clear();
      trimmed = true;
    }
  }

  /** The next reader builds a new snapshot. */
  private void changed() {
    snapshot = null;
  }
}
