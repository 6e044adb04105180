package io.onair.streaming.media.cmaf;

import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import java.util.ArrayList;
import java.util.List;

/** A recorded rendition packaged as the live path does it: frames in arrival order. */
public final class Packaging {

  /** What one track produced. */
  public static final class Track {
    final TrackFormat format;
    public final byte[] init;
    public final List<PartComplete> parts = new ArrayList<>();
    public final List<SegmentComplete> segments = new ArrayList<>();

    Track(TrackFormat format) {
      this.format = format;
      this.init = InitSegment.write(format);
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

  public final Track video;
  public final Track audio;
  final RenditionSegmenter segmenter;

  private Packaging(FlvFile flv, SegmentPolicy policy) {
    video = new Track(flv.video);
    audio = new Track(flv.audio);
    segmenter = new RenditionSegmenter(flv.video, flv.audio, policy, 0);
  }

  public static Packaging of(FlvFile flv, SegmentPolicy policy) {
    Packaging packaging = new Packaging(flv, policy);
    for (FlvFile.Frame frame : flv.frames) {
      RenditionSegmenter.Output output =
          frame.video()
              ? packaging.segmenter.addVideo(frame.sample())
              : packaging.segmenter.addAudio(frame.sample());
      packaging.collect(output);
    }
    packaging.collect(packaging.segmenter.finish());
    return packaging;
  }

  private void collect(RenditionSegmenter.Output output) {
    video.collect(output.video());
    audio.collect(output.audio());
  }
}
