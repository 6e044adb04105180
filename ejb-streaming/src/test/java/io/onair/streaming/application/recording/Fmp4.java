package io.onair.streaming.application.recording;

import io.onair.streaming.media.cmaf.MediaSegment;
import io.onair.streaming.media.cmaf.Sample;
import io.onair.streaming.media.cmaf.SegmenterEvent;
import java.util.ArrayList;
import java.util.List;

/** Real CMAF segments, written by the packager's own box writer, for the recording tests. */
final class Fmp4 {

  private Fmp4() {}

  /**
   * Segment {@code number} of a track cut into equal segments of {@code samples} samples of {@code
   * sampleDuration} each: it starts at {@code number * samples * sampleDuration}.
   */
  static SegmenterEvent.SegmentComplete segment(long number, int samples, int sampleDuration) {
    long start = number * samples * sampleDuration;
    List<Sample> list = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      list.add(
          new Sample(
              start + (long) i * sampleDuration,
              sampleDuration,
              0,
              i == 0,
              new byte[] {(byte) i, (byte) number}));
    }
    return new SegmenterEvent.SegmentComplete(
        number, start, (long) samples * sampleDuration, MediaSegment.write(number + 1, list));
  }

  /** 2 s of 30 fps video at 90 kHz. */
  static SegmenterEvent.SegmentComplete video(long number) {
    return segment(number, 60, 3000);
  }

  /** About 2 s of 48 kHz AAC: 94 frames of 1024. */
  static SegmenterEvent.SegmentComplete audio(long number) {
    return segment(number, 94, 1024);
  }
}
