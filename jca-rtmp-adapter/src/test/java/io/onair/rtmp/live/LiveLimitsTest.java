package io.onair.rtmp.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveLimitsTest {

  @ParameterizedTest(name = "{5}")
  @CsvSource({
    "0, 1, 1, 1, 0, subscriberQueueMessages",
    "1, 0, 1, 1, 0, subscriberQueueBytes",
    "1, 1, 0, 1, 0, gopCacheMessages",
    "1, 1, 1, -1, 0, gopCacheBytes",
    "1, 1, 1, 1, -1, maxConsecutiveSkips"
  })
  void aLimitOutOfRangeIsRefusedByName(
      int queueMessages, long queueBytes, int gopMessages, long gopBytes, int skips, String field) {
    assertThatThrownBy(
            () -> new LiveLimits(queueMessages, queueBytes, gopMessages, gopBytes, skips))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " ");
  }

  /** 250 frames at 30 fps with 44.1 kHz AAC beside them, at 6 and at 30 Mbit/s. */
  @Test
  void theDefaultsHoldAnObsAutoKeyframeGop() {
    LiveLimits defaults = LiveLimits.defaults();
    int messages = 250 + 359;
    long bytesAt6Mbit = 6_000_000L / 8 * 250 / 30;
    long bytesAt30Mbit = 5 * bytesAt6Mbit;

    assertThat(defaults.gopCacheMessages()).isGreaterThan(messages);
    assertThat(defaults.gopCacheBytes()).isGreaterThan(bytesAt30Mbit);
    assertThat(defaults.subscriberQueueMessages()).isGreaterThan(2 * messages);
    assertThat(defaults.subscriberQueueBytes()).isGreaterThan(2 * bytesAt6Mbit);
    assertThat(defaults.maxConsecutiveSkips()).isPositive();
  }
}
