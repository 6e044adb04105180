package io.onair.rtmp.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.api.PublishDecision;
import io.onair.rtmp.api.PublishEnded;
import io.onair.rtmp.api.PublishRequest;
import io.onair.rtmp.api.RefusalReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListenerDispatcherTest {

  private static final PublishRequest REQUEST =
      new PublishRequest("s1", "127.0.0.1:50000", "live", "secret-key");

  private final EndpointActivations activations = new EndpointActivations();
  private WorkManagerFake workManager = new WorkManagerFake(false);

  @AfterEach
  void stopWorkManager() {
    workManager.shutdown();
  }

  private static RtmpActivationSpec spec(String application) {
    RtmpActivationSpec spec = new RtmpActivationSpec();
    spec.setApplication(application);
    return spec;
  }

  @Test
  void aPublishIsDecidedByTheEndpointInsideWorkAndTheEndpointIsReleased() throws Exception {
    FakeEndpointFactory factory = new FakeEndpointFactory(r -> PublishDecision.accept(7, "town"));
    activations.add(factory, spec("live"));

    PublishDecision decision =
        new ListenerDispatcher(activations, workManager).publish(REQUEST).get(5, TimeUnit.SECONDS);

    assertThat(decision).isEqualTo(PublishDecision.accept(7, "town"));
    assertThat(factory.threads).containsExactly(WorkManagerFake.THREAD_NAME);
    assertThat(factory.created).isEqualTo(1);
    assertThat(factory.released).isEqualTo(1);
  }

  @Test
  void theEndpointOfTheRequestedApplicationDecides() throws Exception {
    FakeEndpointFactory other = new FakeEndpointFactory(r -> PublishDecision.accept(1, "other"));
    FakeEndpointFactory live = new FakeEndpointFactory(r -> PublishDecision.accept(2, "live"));
    activations.add(other, spec("studio"));
    activations.add(live, spec("live"));

    PublishDecision decision =
        new ListenerDispatcher(activations, workManager).publish(REQUEST).get(5, TimeUnit.SECONDS);

    assertThat(decision).isEqualTo(PublishDecision.accept(2, "live"));
    assertThat(other.created).isZero();
  }

  @Test
  void withNoEndpointThePublishIsRefusedAsUnavailable() throws Exception {
    PublishDecision decision =
        new ListenerDispatcher(activations, workManager).publish(REQUEST).get(5, TimeUnit.SECONDS);

    assertThat(decision).isEqualTo(PublishDecision.refuse(RefusalReason.UNAVAILABLE));
  }

  @Test
  void anEndpointThatFailsRefusesThePublishAndIsStillReleased() throws Exception {
    FakeEndpointFactory factory =
        new FakeEndpointFactory(
            r -> {
              throw new IllegalStateException("database down");
            });
    activations.add(factory, spec("live"));

    PublishDecision decision =
        new ListenerDispatcher(activations, workManager).publish(REQUEST).get(5, TimeUnit.SECONDS);

    assertThat(decision).isEqualTo(PublishDecision.refuse(RefusalReason.UNAVAILABLE));
    assertThat(factory.released).isEqualTo(1);
  }

  @Test
  void workTheWorkManagerRejectsRefusesThePublish() throws Exception {
    workManager = new WorkManagerFake(true);
    FakeEndpointFactory factory = new FakeEndpointFactory(r -> PublishDecision.accept(1, "x"));
    activations.add(factory, spec("live"));

    PublishDecision decision =
        new ListenerDispatcher(activations, workManager).publish(REQUEST).get(5, TimeUnit.SECONDS);

    assertThat(decision).isEqualTo(PublishDecision.refuse(RefusalReason.UNAVAILABLE));
    assertThat(factory.created).isZero();
  }

  @Test
  void theEndOfAPublishReachesTheEndpoint() throws Exception {
    FakeEndpointFactory factory = new FakeEndpointFactory(r -> PublishDecision.accept(1, "x"));
    activations.add(factory, spec("live"));
    PublishEnded ended = new PublishEnded("s1", 1, Instant.parse("2026-11-21T10:00:00Z"));

    new ListenerDispatcher(activations, workManager)
        .publishEnded("live", ended)
        .get(5, TimeUnit.SECONDS);

    assertThat(factory.ended).containsExactly(ended);
    assertThat(factory.released).isEqualTo(1);
  }

  @Test
  void aDeactivatedEndpointIsNoLongerAsked() throws Exception {
    FakeEndpointFactory factory = new FakeEndpointFactory(r -> PublishDecision.accept(1, "x"));
    activations.add(factory, spec("live"));
    activations.remove(factory);

    PublishDecision decision =
        new ListenerDispatcher(activations, workManager).publish(REQUEST).get(5, TimeUnit.SECONDS);

    assertThat(decision).isEqualTo(PublishDecision.refuse(RefusalReason.UNAVAILABLE));
    assertThat(activations.size()).isZero();
  }

  @Test
  void theStreamKeyNeverAppearsInTheRequestsText() {
    assertThat(REQUEST.toString()).doesNotContain("secret-key").contains("127.0.0.1:50000");
  }

  @Test
  void aBurstOfDecisionsBeyondTheLimitWaitsForItsTurnInsteadOfFailing() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger inside =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    FakeEndpointFactory factory =
        new FakeEndpointFactory(
            r -> {
              most.accumulateAndGet(inside.incrementAndGet(), Math::max);
              try {
                release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inside.decrementAndGet();
              return PublishDecision.accept(1, "town");
            });
    activations.add(factory, spec("live"));
    workManager.shutdown();
    workManager = new WorkManagerFake(false, 8);
    CallLimit limit = new CallLimit(2, 10);
    ListenerDispatcher dispatcher = new ListenerDispatcher(activations, workManager, limit);

    List<java.util.concurrent.CompletableFuture<PublishDecision>> decisions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      decisions.add(dispatcher.publish(REQUEST));
    }
    for (int wait = 0; wait < 500 && inside.get() < 2; wait++) {
      Thread.sleep(10); // the bound only guards against a hang
    }
    assertThat(inside.get()).isEqualTo(2);
    assertThat(limit.running()).isEqualTo(2);
    assertThat(limit.waiting()).as("queued in the adapter, not sent to the pool").isEqualTo(4);
    release.countDown();
    for (java.util.concurrent.CompletableFuture<PublishDecision> decision : decisions) {
      assertThat(decision.get(5, TimeUnit.SECONDS)).isEqualTo(PublishDecision.accept(1, "town"));
    }
    assertThat(most.get()).isEqualTo(2);
    assertThat(factory.created).isEqualTo(6);
  }
}
