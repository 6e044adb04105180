package io.onair.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.api.MediaFrame.Kind;
import io.onair.rtmp.api.MediaFrame.Track;
import io.onair.streaming.media.FeedTrack;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FeedSampleTest {

  /** x264's avcC for 320x180 High 1.3. */
  private static final ByteBuffer AVCC =
      ByteBuffer.wrap(
          java.util.HexFormat.of()
              .parseHex(
                  "0164000dffe1001a6764000dacd941419f9f0110000003001000000303c0f1429960010004"
                      + "68efbcb0fdf8f800"));

  private static final ByteBuffer ASC = ByteBuffer.wrap(new byte[] {0x11, (byte) 0x90});
  private static final ByteBuffer NAL = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0x65});

  private final FeedFake feed = new FeedFake();
  private final FeedSample sample = new FeedSample();

  FeedSampleTest() {
    feed.listenWith(sample);
  }

  private static MediaFrame frame(Track track, String codec, Kind kind, long dts, ByteBuffer data) {
    return new MediaFrame(track, codec, kind, dts, 0, false, data);
  }

  @Test
  void theTracksAreReadFromTheConfigurationsUpToTheFirstFrame() throws Exception {
    feed.metadata(Map.of("width", 640.0, "height", 360.0, "framerate", 25.0));
    feed.offer(frame(Track.AUDIO, "mp4a", Kind.CONFIG, 0, ASC));
    feed.offer(frame(Track.VIDEO, "avc1", Kind.CONFIG, 0, AVCC));
    feed.offer(frame(Track.VIDEO, "avc1", Kind.KEY, 0, NAL));

    List<FeedTrack> tracks = sample.read(feed, Duration.ofSeconds(5));

    assertThat(tracks)
        .containsExactly(
            new FeedTrack(Track.VIDEO, "avc1", "avc1.64000d", 320, 180, 25.0, null, null),
            new FeedTrack(Track.AUDIO, "mp4a", "mp4a.40.2", null, null, null, 48000, 2));
  }

  @Test
  void aTrackWithoutConfigurationIsFoundAmongTheFramesAlreadyQueued() throws Exception {
    feed.offer(frame(Track.VIDEO, "avc1", Kind.CONFIG, 0, AVCC));
    feed.offer(frame(Track.VIDEO, "avc1", Kind.KEY, 0, NAL));
    feed.offer(frame(Track.AUDIO, ".mp3", Kind.KEY, 10, NAL));

    assertThat(sample.read(feed, Duration.ofSeconds(5)))
        .extracting(FeedTrack::codec)
        .containsExactly("avc1.64000d", ".mp3");
  }

  @Test
  void framesThatComeLaterWakeTheReader() throws Exception {
    feed.offer(frame(Track.VIDEO, "avc1", Kind.CONFIG, 0, AVCC));
    CompletableFuture<List<FeedTrack>> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return sample.read(feed, Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertThat(read).isNotDone();

    feed.offer(frame(Track.VIDEO, "avc1", Kind.KEY, 2000, NAL));

    assertThat(read.get(5, TimeUnit.SECONDS))
        .extracting(FeedTrack::codec)
        .containsExactly("avc1.64000d");
  }

  @Test
  void aFeedWithNoFramesGivesNoTracksOnceTheWaitIsOver() throws Exception {
    long start = System.nanoTime();
    assertThat(sample.read(feed, Duration.ofMillis(200))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(190));
  }

  @Test
  void theEndOfTheBroadcastEndsTheWait() throws Exception {
    feed.offer(frame(Track.AUDIO, "mp4a", Kind.CONFIG, 0, ASC));
    CompletableFuture<List<FeedTrack>> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return sample.read(feed, Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);

    feed.end();

    assertThat(read.get(5, TimeUnit.SECONDS))
        .extracting(FeedTrack::codec)
        .containsExactly("mp4a.40.2");
  }
}
