package io.onair.rtmp.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLimitTest {

  private final List<String> started = new ArrayList<>();

  @Test
  void callsBeyondTheLimitWaitAndStartInArrivalOrderAsSlotsFree() {
    CallLimit limit = new CallLimit(2, 10);
    for (String call : List.of("a", "b", "c", "d")) {
      assertThat(limit.submit(() -> started.add(call))).isTrue();
    }
    assertThat(started).containsExactly("a", "b");
    assertThat(limit.waiting()).isEqualTo(2);

    limit.done();
    assertThat(started).containsExactly("a", "b", "c");
    limit.done();
    limit.done();
    assertThat(started).containsExactly("a", "b", "c", "d");
    assertThat(limit.running()).isEqualTo(1);
    limit.done();
    assertThat(limit.running()).isZero();
  }

  @Test
  void aFullQueueRefusesAndTheCallNeverRuns() {
    CallLimit limit = new CallLimit(1, 1);
    assertThat(limit.submit(() -> started.add("running"))).isTrue();
    assertThat(limit.submit(() -> started.add("waiting"))).isTrue();
    assertThat(limit.submit(() -> started.add("refused"))).isFalse();
    limit.done();
    limit.done();
    assertThat(started).containsExactly("running", "waiting");
  }

  @Test
  void limitsMustAllowAtLeastOneCall() {
    assertThatThrownBy(() -> new CallLimit(0, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
