package io.onair.streaming.media.cmaf;

/**
 * What a {@link Segmenter} reports as media comes in. Times and durations are in the track's
 * timescale. The parts of a segment are reported before the segment, and the segment's bytes are
 * its parts' bytes concatenated in order.
 */
public sealed interface SegmenterEvent {

  /**
   * A part (LL-HLS partial segment, a CMAF chunk) is complete.
   *
   * @param segmentNumber the segment it belongs to
   * @param partIndex its place in the segment, from 0; part 0 starts with styp
   * @param start decode time of its first sample
   * @param duration the sum of its sample durations
   * @param independent whether it starts with a sync sample (EXT-X-PART INDEPENDENT=YES)
   * @param bytes the part as served: [styp] moof mdat
   */
  record PartComplete(
      long segmentNumber,
      int partIndex,
      long start,
      long duration,
      boolean independent,
      byte[] bytes)
      implements SegmenterEvent {}

  /**
   * A segment is complete.
   *
   * @param number its number: consecutive, from the segmenter's first
   * @param start decode time of its first sample
   * @param duration the sum of its sample durations (EXTINF, DASH segment duration)
   * @param bytes the segment file: styp, then each part's moof and mdat
   */
  record SegmentComplete(long number, long start, long duration, byte[] bytes)
      implements SegmenterEvent {}
}
