package io.onair.streaming.application.transcoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StallWatchTest {

  private static final long S = 1_000_000_000L;
  private final StallWatch watch = new StallWatch(Duration.ofSeconds(15), 0);

  @Test
  void inputForAWholeTimeoutWithoutOutputIsAStall() {
    watch.input(14 * S);
    assertThat(watch.stalled()).isFalse();

    watch.input(15 * S);
    assertThat(watch.stalled()).isTrue();
  }

  @Test
  void outputKeepsItAlive() {
    watch.output(10 * S);
    watch.input(24 * S);

    assertThat(watch.stalled()).isFalse();
  }

  @Test
  void silenceWithoutInputIsNoStall() {
    watch.output(1 * S);
    watch.input(2 * S);
    // the source paused: nothing came for a minute, so ffmpeg had nothing to do

    assertThat(watch.stalled()).isFalse();
  }
}
