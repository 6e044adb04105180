package io.onair.streaming.media.cmaf;

import static io.onair.streaming.media.cmaf.SegmenterTest.AUDIO;
import static io.onair.streaming.media.cmaf.SegmenterTest.SECOND;
import static io.onair.streaming.media.cmaf.SegmenterTest.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import io.onair.streaming.media.cmaf.SegmenterTest.Events;
import org.junit.jupiter.api.Test;

/** An audio track cut where its video is cut, and an audio-only track cut by itself. */
class AudioSegmenterTest {

  static final int AAC_FRAME = 1024; // 21.33 ms at 48 kHz

  static Sample aac(long index) {
    return new Sample(index * AAC_FRAME, 0, 0, true, new byte[] {(byte) index});
  }

  static Segmenter following() {
    return new Segmenter(AUDIO, SegmentPolicy.DEFAULT, Segmenter.Cutting.FOLLOW, 0);
  }

  @Test
  void audioFollowsTheVideoCutsOfAnInterleavedStream() {
    Segmenter video = new Segmenter(VIDEO, SegmentPolicy.DEFAULT, Segmenter.Cutting.OWN, 0);
    Segmenter audio = following();
    Events videoEvents = new Events();
    Events audioEvents = new Events();
    int nextAudio = 0;
    for (int v = 0; v < 750; v++) { // 25 s of OBS-auto GOPs: cuts at 0, 8.33, 16.67 s
      long videoTime = (long) v * SegmenterTest.FRAME;
      // interleaved by time, as FLV is: audio up to this video frame first
      while ((long) nextAudio * AAC_FRAME * 90_000 / 48_000 <= videoTime) {
        audioEvents.add(audio.add(aac(nextAudio++)));
      }
      for (SegmenterEvent e :
          videoEvents.addAndReturn(video.add(SegmenterTest.frame(v, v % 250 == 0)))) {
        if (e instanceof SegmentComplete s) {
          audioEvents.add(audio.cutAt(s.start() + s.duration(), TrackFormat.VIDEO_TIMESCALE));
        }
      }
    }
    videoEvents.add(video.finish());
    audioEvents.add(audio.finish());

    assertThat(videoEvents.segmentStarts()).containsExactly(0L, 750_000L, 1_500_000L);
    // the first 48 kHz frame at or after 8.333 s (400000 ticks) and 16.667 s (800000)
    assertThat(audioEvents.segmentStarts()).containsExactly(0L, 400_384L, 800_768L);
    assertThat(audioEvents.segments)
        .extracting(SegmentComplete::number)
        .containsExactly(0L, 1L, 2L);
    assertThat(audioEvents.parts).allSatisfy(p -> assertThat(p.independent()).isTrue());
    assertThat(audio.maxPartDuration()).isEqualTo(23L * AAC_FRAME); // 490.7 ms
  }

  @Test
  void aCutForSamplesStillInTheOpenPartMovesThemToTheNextSegment() {
    Segmenter audio = following();
    Events events = new Events();
    for (int i = 0; i <= 100; i++) { // to 2.133 s: parts of 23 frames end at frame 92
      events.add(audio.add(aac(i)));
    }
    events.add(audio.cutAt(2 * SECOND, TrackFormat.VIDEO_TIMESCALE)); // 96000 = frame 93.75
    assertThat(events.segments)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.start()).isZero();
              assertThat(s.duration()).isEqualTo(94L * AAC_FRAME);
            });
    events.add(audio.finish());
    assertThat(events.segmentStarts()).containsExactly(0L, 94L * AAC_FRAME);
    assertThat(events.segments.get(1).duration()).isEqualTo(7L * AAC_FRAME);
  }

  @Test
  void aCutForSamplesAlreadySentFallsAtTheNextBoundary() {
    Segmenter audio = following();
    Events events = new Events();
    for (int i = 0; i <= 130; i++) { // parts up to frame 115 are out
      events.add(audio.add(aac(i)));
    }
    events.add(audio.cutAt(2 * SECOND, TrackFormat.VIDEO_TIMESCALE));
    events.add(audio.finish());
    assertThat(events.segmentStarts()).containsExactly(0L, 115L * AAC_FRAME);
  }

  @Test
  void anAudioOnlyTrackCutsItselfAtTheTarget() {
    Segmenter audio = new Segmenter(AUDIO, SegmentPolicy.DEFAULT, Segmenter.Cutting.OWN, 5);
    Events events = new Events();
    for (int i = 0; i < 300; i++) {
      events.add(audio.add(aac(i)));
    }
    events.add(audio.finish());
    // the first frame at or after 2 s (96000 ticks) is frame 94 (96256)
    assertThat(events.segmentStarts())
        .containsExactly(0L, 94L * AAC_FRAME, 188L * AAC_FRAME, 282L * AAC_FRAME);
    assertThat(events.segments).extracting(SegmentComplete::number).containsExactly(5L, 6L, 7L, 8L);
    assertThat(events.parts).extracting(PartComplete::segmentNumber).startsWith(5L);
  }

  @Test
  void aRenditionNeedsAVideoAndAnAudioFormat() {
    assertThatThrownBy(() -> new RenditionSegmenter(AUDIO, VIDEO, SegmentPolicy.DEFAULT, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRenditionEndsAudioAtTheLastVideoCutWhenTheBroadcastEnds() {
    RenditionSegmenter rendition = new RenditionSegmenter(VIDEO, AUDIO, SegmentPolicy.DEFAULT, 0);
    Events audio = new Events();
    for (int i = 0; i < 52; i++) { // 1.1 s of audio, a little ahead of the video
      audio.add(rendition.addAudio(aac(i)).audio());
    }
    for (int v = 0; v < 30; v++) { // 1 s of video
      audio.add(rendition.addVideo(SegmenterTest.frame(v, v == 0)).audio());
    }
    audio.add(rendition.finish().audio());
    // the video ends at 1 s: audio after it goes into a segment of its own
    assertThat(audio.segmentStarts()).containsExactly(0L, 47L * AAC_FRAME);
  }
}
