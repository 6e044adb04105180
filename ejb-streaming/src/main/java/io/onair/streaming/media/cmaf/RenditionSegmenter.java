package io.onair.streaming.media.cmaf;

import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import java.util.ArrayList;
import java.util.List;

/**
 * The two tracks of a rendition that has audio beside video: the video track cuts at its keyframes,
 * the audio track follows, ending each segment at its first frame at or after the video segment's
 * end. Segment n of both tracks then covers the same time (to within one audio frame) and carries
 * the same number, which is what an HLS audio rendition group and DASH's aligned AdaptationSets
 * need. Not thread-safe, like {@link Segmenter}: the ingest thread of the broadcast feeds both
 * tracks in arrival order.
 */
public final class RenditionSegmenter {

  /** What one call completed, per track. */
  public record Output(List<SegmenterEvent> video, List<SegmenterEvent> audio) {
    public Output {
      video = List.copyOf(video);
      audio = List.copyOf(audio);
    }
  }

  private final Segmenter video;
  private final Segmenter audio;

  public RenditionSegmenter(
      TrackFormat videoFormat,
      TrackFormat audioFormat,
      SegmentPolicy policy,
      long firstSegmentNumber) {
    if (!videoFormat.isVideo() || audioFormat.isVideo()) {
      throw new IllegalArgumentException(
          "a video and an audio format, not " + videoFormat + " and " + audioFormat);
    }
    video = new Segmenter(videoFormat, policy, Segmenter.Cutting.OWN, firstSegmentNumber);
    audio = new Segmenter(audioFormat, policy, Segmenter.Cutting.FOLLOW, firstSegmentNumber);
  }

  public Output addVideo(Sample sample) {
    return followed(video.add(sample));
  }

  public Output addAudio(Sample sample) {
    return new Output(List.of(), audio.add(sample));
  }

  /** The end of the broadcast: video first, so audio gets the last video cut before it ends. */
  public Output finish() {
    Output last = followed(video.finish());
    List<SegmenterEvent> audioEvents = new ArrayList<>(last.audio());
    audioEvents.addAll(audio.finish());
    return new Output(last.video(), audioEvents);
  }

  /** The video track's segmenter: its maximum segment duration is the rendition's. */
  public Segmenter video() {
    return video;
  }

  public Segmenter audio() {
    return audio;
  }

  private Output followed(List<SegmenterEvent> videoEvents) {
    List<SegmenterEvent> audioEvents = List.of();
    for (SegmenterEvent event : videoEvents) {
      if (event instanceof SegmentComplete segment) {
        List<SegmenterEvent> cut =
            audio.cutAt(segment.start() + segment.duration(), video.format().timescale());
        audioEvents = audioEvents.isEmpty() ? cut : concat(audioEvents, cut);
      }
    }
    return new Output(videoEvents, audioEvents);
  }

  private static List<SegmenterEvent> concat(List<SegmenterEvent> a, List<SegmenterEvent> b) {
    List<SegmenterEvent> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
