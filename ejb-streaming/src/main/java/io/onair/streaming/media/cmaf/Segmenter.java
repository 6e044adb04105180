package io.onair.streaming.media.cmaf;

import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Decides where the parts and segments of one track end, and writes them (ISO/IEC 23000-19 clause
 * 7: a segment is one CMAF fragment, sent as chunks). Fed samples in decode order; each call
 * returns what it completed. Not thread-safe: one ingest thread owns a segmenter.
 *
 * <p>Segments. A track that {@linkplain Cutting#OWN cuts itself} (video; audio-only renditions)
 * ends a segment before the first sync sample at or after the segment target, so every segment
 * starts with a sync sample. A GOP longer than the target therefore makes a longer segment (OBS's
 * "keyframe interval 0 = auto" sends 250-frame GOPs, 8.3 s at 30 fps), and {@link
 * #maxSegmentDuration()} tells the playlist its EXT-X-TARGETDURATION. A track that {@linkplain
 * Cutting#FOLLOW follows} (the audio beside a video track) ends segments only where {@link #cutAt}
 * says, so its segments cover the same times as the video's and share their numbers.
 *
 * <p>Parts. A part ends at the last sample boundary that keeps it within the part target, on any
 * sample: LL-HLS allows a part that does not start with a sync sample, it is marked INDEPENDENT=NO.
 * Parts are not also cut at keyframes inside a segment: that would leave a short part before the
 * keyframe, and only independent and final parts may be shorter than 85% of the part target (RFC
 * 8216bis 4.4.4.9).
 *
 * <p>Durations. A sample's duration is the time to the next sample's decode time, so the segmenter
 * holds the latest sample back until the next one arrives; at the end of the stream the last sample
 * gets the duration of the one before it.
 */
public final class Segmenter {

  /** Who decides where this track's segments end. */
  public enum Cutting {
    /** At the first sync sample at or after the segment target. */
    OWN,
    /** Where {@link #cutAt} says: the first sample at or after each time given. */
    FOLLOW
  }

  /** Cuts waiting for this track's samples: a minute and more of 2 s segments. */
  private static final int MAX_PENDING_CUTS = 32;

  private final TrackFormat format;
  private final Cutting cutting;
  private final long segmentTarget;
  private final long partTarget;
  private final long maxSegment;
  private final Deque<Long> cuts = new ArrayDeque<>();

  private Sample held;
  private int lastDuration;
  private long nextSequenceNumber = 1;
  private long segmentNumber;
  private boolean segmentOpen;
  private long segmentStart;
  private long segmentDuration;
  private int partIndex;
  private final ByteArrayOutputStream segmentBytes = new ByteArrayOutputStream();
  private final List<Sample> part = new ArrayList<>();
  private long partDuration;
  private long maxSegmentDuration;
  private long maxPartDuration;
  private long droppedBeforeSync;

  /**
   * @param firstSegmentNumber the number of the first segment; a following track must start with
   *     the same number as the track it follows
   */
  public Segmenter(
      TrackFormat format, SegmentPolicy policy, Cutting cutting, long firstSegmentNumber) {
    this.format = format;
    this.cutting = cutting;
    this.segmentTarget = SegmentPolicy.ticks(policy.segmentTarget(), format.timescale());
    this.partTarget = SegmentPolicy.ticks(policy.partTarget(), format.timescale());
    this.maxSegment = SegmentPolicy.ticks(policy.maxSegment(), format.timescale());
    this.segmentNumber = firstSegmentNumber;
  }

  /** Takes the next sample in decode order; returns the parts and segments it completed. */
  public List<SegmenterEvent> add(Sample sample) {
    if (held == null && !segmentOpen && cutting == Cutting.OWN && !sample.sync()) {
      droppedBeforeSync++; // a segment must start with a sync sample: wait for one
      return List.of();
    }
    List<SegmenterEvent> events = new ArrayList<>();
    if (held != null) {
      long duration = sample.decodeTime() - held.decodeTime();
      if (duration <= 0 || duration > Integer.MAX_VALUE) {
        throw new MediaFormatException(
            "sample decode time",
            sample.decodeTime(),
            "must be after the previous one, " + held.decodeTime() + ", by less than 2^31 ticks");
      }
      lastDuration = (int) duration;
      place(held.withDuration(lastDuration), events);
    }
    held = sample;
    if (startsSegment(sample)) {
      closeSegment(events);
    }
    return events;
  }

  /**
   * Ends this following track's current segment before its first sample at or after {@code time}:
   * call it with each segment end of the track it follows. Samples already held that lie after the
   * time move to the next segment, unless they were already sent in a part; the cut then falls at
   * the next sample boundary.
   *
   * @param time the cut, in ticks of {@code timescale} (the other track's)
   */
  public List<SegmenterEvent> cutAt(long time, int timescale) {
    if (cutting != Cutting.FOLLOW) {
      throw new IllegalStateException("this " + cutting + " segmenter cuts where it decides");
    }
    long ticks = -Math.floorDiv(-Math.multiplyExact(time, format.timescale()), timescale);
    List<SegmenterEvent> events = new ArrayList<>();
    if (held == null || held.decodeTime() < ticks) {
      if (cuts.size() == MAX_PENDING_CUTS) {
        cuts.pollFirst(); // this track has stalled for minutes: keep memory bounded
      }
      cuts.addLast(ticks);
    } else if (segmentOpen && ticks > segmentStart) {
      splitOpenPartAt(ticks, events);
    }
    return events;
  }

  /** The end of the stream: the held sample is placed and everything open is completed. */
  public List<SegmenterEvent> finish() {
    List<SegmenterEvent> events = new ArrayList<>();
    if (held != null) {
      place(held.withDuration(lastDuration > 0 ? lastDuration : held.duration()), events);
      held = null;
    }
    closeSegment(events);
    cuts.clear();
    return events;
  }

  /** The longest segment so far, in ticks: what EXT-X-TARGETDURATION must cover. */
  public long maxSegmentDuration() {
    return maxSegmentDuration;
  }

  /** The longest part so far, in ticks: what EXT-X-PART-INF PART-TARGET must cover. */
  public long maxPartDuration() {
    return maxPartDuration;
  }

  /** Samples dropped because the track did not start with a sync sample. */
  public long droppedBeforeSync() {
    return droppedBeforeSync;
  }

  public TrackFormat format() {
    return format;
  }

  /** Whether {@code next}, not yet placed, must start a new segment. */
  private boolean startsSegment(Sample next) {
    if (!segmentOpen) {
      return false;
    }
    long elapsed = next.decodeTime() - segmentStart;
    if (elapsed >= maxSegment) {
      return true;
    }
    if (cutting == Cutting.OWN) {
      return next.sync() && elapsed >= segmentTarget;
    }
    boolean due = false;
    while (!cuts.isEmpty() && cuts.peekFirst() <= next.decodeTime()) {
      // More than one due means this track had no samples for a whole segment of the other:
      // one boundary here, and the numbers of the two tracks part ways until the stream ends.
      due |= cuts.pollFirst() > segmentStart;
    }
    return due;
  }

  /**
   * A cut at {@code time} arrived after samples at or after it were placed: the open part is split
   * there, and its later samples start the next segment.
   */
  private void splitOpenPartAt(long time, List<SegmenterEvent> events) {
    int at = 0;
    while (at < part.size() && part.get(at).decodeTime() < time) {
      at++;
    }
    List<Sample> later = new ArrayList<>(part.subList(at, part.size()));
    for (Sample sample : later) {
      partDuration -= sample.duration();
      segmentDuration -= sample.duration();
    }
    part.subList(at, part.size()).clear();
    closeSegment(events);
    for (Sample sample : later) {
      place(sample, events);
    }
  }

  /** Appends a sample whose duration is known to the open part, closing parts as they fill. */
  private void place(Sample sample, List<SegmenterEvent> events) {
    if (!part.isEmpty() && partDuration + sample.duration() > partTarget) {
      closePart(events);
    }
    if (!segmentOpen) {
      segmentOpen = true;
      segmentStart = sample.decodeTime();
    }
    part.add(sample);
    partDuration += sample.duration();
    segmentDuration += sample.duration();
    // Close now if one more sample like this one would overflow: the part goes out a sample
    // earlier than waiting for the next would allow, which is latency saved.
    if (partDuration + sample.duration() > partTarget) {
      closePart(events);
    }
  }

  private void closePart(List<SegmenterEvent> events) {
    if (part.isEmpty()) {
      return;
    }
    byte[] fragment = MediaSegment.fragment(nextSequenceNumber++, part);
    byte[] bytes = partIndex == 0 ? Box.concat(MediaSegment.styp(), fragment) : fragment;
    events.add(
        new PartComplete(
            segmentNumber,
            partIndex,
            part.get(0).decodeTime(),
            partDuration,
            part.get(0).sync(),
            bytes));
    segmentBytes.writeBytes(bytes);
    maxPartDuration = Math.max(maxPartDuration, partDuration);
    partIndex++;
    part.clear();
    partDuration = 0;
  }

  private void closeSegment(List<SegmenterEvent> events) {
    closePart(events);
    if (!segmentOpen) {
      return;
    }
    events.add(
        new SegmentComplete(
            segmentNumber, segmentStart, segmentDuration, segmentBytes.toByteArray()));
    maxSegmentDuration = Math.max(maxSegmentDuration, segmentDuration);
    segmentNumber++;
    segmentOpen = false;
    segmentDuration = 0;
    partIndex = 0;
    segmentBytes.reset();
  }
}
