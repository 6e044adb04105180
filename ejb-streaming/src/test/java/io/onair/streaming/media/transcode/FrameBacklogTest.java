package io.onair.streaming.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.api.MediaFrame;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameBacklogTest {

  private final FrameBacklog backlog = new FrameBacklog(Duration.ofSeconds(1), 10_000);

  private static TimedFrame video(MediaFrame.Kind kind, long millis, int bytes) {
    return new TimedFrame(
        new MediaFrame(
            MediaFrame.Track.VIDEO, "avc1", kind, millis, 0, false, ByteBuffer.allocate(bytes)),
        millis);
  }

  private static TimedFrame audio(long millis) {
    return new TimedFrame(
        new MediaFrame(
            MediaFrame.Track.AUDIO,
            "mp4a",
            MediaFrame.Kind.KEY,
            millis,
            0,
            false,
            ByteBuffer.allocate(10)),
        millis);
  }

  private static TimedFrame key(long millis) {
    return video(MediaFrame.Kind.KEY, millis, 100);
  }

  private static TimedFrame delta(long millis) {
    return video(MediaFrame.Kind.DELTA, millis, 100);
  }

  private static TimedFrame config() {
    return video(MediaFrame.Kind.CONFIG, 0, 40);
  }

  private List<Long> drain() throws InterruptedException {
    List<Long> times = new ArrayList<>();
    for (TimedFrame f = backlog.take(0, TimeUnit.MILLISECONDS);
        f != null;
        f = backlog.take(0, TimeUnit.MILLISECONDS)) {
      times.add(f.mediaMillis());
    }
    return times;
  }

  @Test
  void framesWithinTheBoundsComeOutInOrder() throws InterruptedException {
    backlog.offer(key(0));
    backlog.offer(audio(10));
    backlog.offer(delta(33));

    assertThat(drain()).containsExactly(0L, 10L, 33L);
    assertThat(backlog.dropped()).isZero();
  }

  @Test
  void aBacklogSpanningMoreThanTheLagSkipsToTheNextKeyFrameAudioIncluded()
      throws InterruptedException {
    backlog.offer(key(0));
    backlog.offer(delta(500));
    backlog.offer(delta(1000));
    backlog.offer(delta(1001)); // 1001 ms behind the oldest waiting: skipping starts
    backlog.offer(audio(1010));
    backlog.offer(delta(1033));
    backlog.offer(key(1066)); // still too far behind the oldest: skipped as well

    assertThat(backlog.skips()).isEqualTo(1);
    assertThat(drain()).containsExactly(0L, 500L, 1000L);

    backlog.offer(delta(1100)); // room again, but no key frame yet
    backlog.offer(key(1200));
    backlog.offer(delta(1233));

    assertThat(drain()).containsExactly(1200L, 1233L);
    assertThat(backlog.dropped()).isEqualTo(5);
  }

  @Test
  void aBacklogOfTooManyBytesSkipsToo() throws InterruptedException {
    backlog.offer(video(MediaFrame.Kind.KEY, 0, 6000));
    backlog.offer(video(MediaFrame.Kind.DELTA, 33, 6000));

    assertThat(drain()).containsExactly(0L);
    assertThat(backlog.skips()).isEqualTo(1);
  }

  @Test
  void configurationsAreNeverDropped() throws InterruptedException {
    backlog.offer(key(0));
    backlog.offer(delta(2000)); // skipping
    backlog.offer(config());

    assertThat(drain()).containsExactly(0L, 0L);
  }

  @Test
  void aRestartForgetsWhatWaitsAndStartsAtAKeyFrame() throws InterruptedException {
    backlog.offer(key(0));
    backlog.offer(delta(33));

    backlog.restart();
    backlog.offer(delta(66));
    backlog.offer(key(100));

    assertThat(drain()).containsExactly(100L);
    assertThat(backlog.dropped()).isEqualTo(3);
  }

  @Test
  void afterTheEndWhatWaitsIsStillTakenThenNothingWithoutWaiting() throws InterruptedException {
    backlog.offer(key(0));
    backlog.end();
    backlog.offer(delta(33));

    assertThat(backlog.drained()).isFalse();
    assertThat(backlog.take(1, TimeUnit.HOURS).mediaMillis()).isZero();
    assertThat(backlog.take(1, TimeUnit.HOURS)).isNull();
    assertThat(backlog.drained()).isTrue();
  }

  @Test
  void aWaitingTakerGetsTheNextFrame() throws Exception {
    Thread offerer =
        new Thread(
            () -> {
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              backlog.offer(key(7));
            });
    offerer.start();

    assertThat(backlog.take(1, TimeUnit.MINUTES).mediaMillis()).isEqualTo(7);
    offerer.join();
  }
}
