package io.onair.streaming.application.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.application.ManualClock;
import io.onair.streaming.media.live.LiveWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveWindowsTest {

  private static final Instant ZERO = Instant.parse("2026-11-21T09:00:00Z");

  private final ManualClock clock = new ManualClock(ZERO);
  private final LiveWindows windows = new LiveWindows(clock);

  @Test
  void aWindowOpensAtNowAndALaterBroadcastOfTheChannelReplacesIt() {
    LiveWindow first = windows.open("hall", 1);
    assertThat(first.startedAt()).isEqualTo(ZERO);
    assertThat(windows.of("hall")).containsSame(first);

    clock.now = ZERO.plusSeconds(30);
    LiveWindow second = windows.open("hall", 2);
    assertThat(windows.of("hall")).containsSame(second);
    assertThat(windows.of("lobby")).isEmpty();
  }

  @Test
  void anEndedWindowStaysForPlayersToSeeTheEndThenGoes() {
    LiveWindow window = windows.open("hall", 1);
    window.end(ZERO.plusSeconds(10));

    clock.now = ZERO.plusSeconds(10).plus(LiveWindows.KEPT_AFTER_END);
    assertThat(windows.of("hall")).containsSame(window);
    clock.now = clock.now.plus(Duration.ofSeconds(1));
    assertThat(windows.of("hall")).isEmpty();
    assertThat(windows.count()).isZero();
  }

  @Test
  void openingSweepsExpiredWindowsOfOtherChannels() {
    windows.open("hall", 1).end(ZERO);
    clock.now = ZERO.plus(LiveWindows.KEPT_AFTER_END).plusSeconds(1);
    windows.open("lobby", 2);
    assertThat(windows.count()).isEqualTo(1);
  }
}
