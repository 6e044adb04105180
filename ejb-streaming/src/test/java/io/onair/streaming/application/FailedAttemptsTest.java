package io.onair.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
  private final FailedAttempts attempts = new FailedAttempts(3, Duration.ofMinutes(10), 2, clock);

  @Test
  void aHostIsLockedOutAtTheLimitNotBefore() {
    attempts.failed("10.0.0.1");
    attempts.failed("10.0.0.1");
    assertThat(attempts.isLockedOut("10.0.0.1")).isFalse();
    attempts.failed("10.0.0.1");
    assertThat(attempts.isLockedOut("10.0.0.1")).isTrue();
    assertThat(attempts.isLockedOut("10.0.0.2")).isFalse();
  }

  @Test
  void theLockoutEndsWhenTheOldestFailureLeavesTheWindow() {
    attempts.failed("10.0.0.1");
    clock.now = clock.now.plusSeconds(60);
    attempts.failed("10.0.0.1");
    attempts.failed("10.0.0.1");
    clock.now = clock.now.plus(Duration.ofMinutes(9));
    assertThat(attempts.isLockedOut("10.0.0.1")).as("first failure 10 min ago").isFalse();
  }

  @Test
  void failuresSpreadBeyondTheWindowNeverLockOut() {
    for (int i = 0; i < 10; i++) {
      attempts.failed("10.0.0.1");
      clock.now = clock.now.plus(Duration.ofMinutes(6));
    }
    assertThat(attempts.isLockedOut("10.0.0.1")).isFalse();
  }

  @Test
  void aSuccessForgetsTheFailures() {
    attempts.failed("10.0.0.1");
    attempts.failed("10.0.0.1");
    attempts.succeeded("10.0.0.1");
    attempts.failed("10.0.0.1");
    assertThat(attempts.isLockedOut("10.0.0.1")).isFalse();
  }

  @Test
  void atMostTheConfiguredNumberOfHostsIsRemembered() {
    for (int i = 0; i < 3; i++) {
      attempts.failed("10.0.0.1");
    }
    attempts.failed("10.0.0.2");
    attempts.failed("10.0.0.3"); // a third host: the least recently failed is forgotten
    assertThat(attempts.isLockedOut("10.0.0.1")).isFalse();
  }

  @Test
  void theHostOfAnAddressIsItsAddressWithoutThePort() {
    assertThat(PublishLockout.host("/10.1.2.3:50000")).isEqualTo("10.1.2.3");
    assertThat(PublishLockout.host("encoder.corp/10.1.2.3:50000")).isEqualTo("10.1.2.3");
    assertThat(PublishLockout.host("/[0:0:0:0:0:0:0:1]:50000")).isEqualTo("[0:0:0:0:0:0:0:1]");
    assertThat(PublishLockout.host("::1")).isEqualTo("::1");
    assertThat(PublishLockout.host("10.1.2.3")).isEqualTo("10.1.2.3");
  }
}
