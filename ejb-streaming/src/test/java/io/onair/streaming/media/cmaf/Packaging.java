package io.onair.streaming.media.cmaf;

import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendition packaged the way the live path wires it: frames in arrival order, a video segmenter
 * that cuts at keyframes, an audio segmenter that follows each video segment end.
 */
final class Packaging {

  /** What one track produced. */
  static final class Track {
    final TrackFormat format;
    final byte[] init;
    final List<PartComplete> parts = new ArrayList<>();
    final List<SegmentComplete> segments = new ArrayList<>();
    final Segmenter segmenter;

    Track(TrackFormat format, Segmenter segmenter) {
      this.format = format;
      this.init = InitSegment.write(format);
      this.segmenter = segmenter;
    }

    void collect(List<SegmenterEvent> events) {
      for (SegmenterEvent event : events) {
        if (event instanceof PartComplete part) {
          parts.add(part);
        } else {
          segments.add((SegmentComplete) event);
        }
      }
    }
  }

  final Track video;
  final Track audio;

  private Packaging(FlvFile flv, SegmentPolicy policy) {
    video = new Track(flv.video, new Segmenter(flv.video, policy, Segmenter.Cutting.OWN, 0));
    audio = new Track(flv.audio, new Segmenter(flv.audio, policy, Segmenter.Cutting.FOLLOW, 0));
  }

  static Packaging of(FlvFile flv, SegmentPolicy policy) {
    Packaging packaging = new Packaging(flv, policy);
    for (FlvFile.Frame frame : flv.frames) {
      if (frame.video()) {
        packaging.addVideo(packaging.video.segmenter.add(frame.sample()));
      } else {
        packaging.audio.collect(packaging.audio.segmenter.add(frame.sample()));
      }
    }
    packaging.addVideo(packaging.video.segmenter.finish());
    packaging.audio.collect(packaging.audio.segmenter.finish());
    return packaging;
  }

  private void addVideo(List<SegmenterEvent> events) {
    video.collect(events);
    for (SegmenterEvent event : events) {
      if (event instanceof SegmentComplete segment) {
        audio.collect(
            audio.segmenter.cutAt(
                segment.start() + segment.duration(), TrackFormat.VIDEO_TIMESCALE));
      }
    }
  }
}
