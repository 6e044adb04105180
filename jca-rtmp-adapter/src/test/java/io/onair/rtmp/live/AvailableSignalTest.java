package io.onair.rtmp.live;

import static io.onair.rtmp.live.Media.interFrame;
import static io.onair.rtmp.live.Media.keyFrame;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Subscriber#available()} wakes an idle consumer once: an async writer with one write in
 * flight is never told twice and never left waiting.
 */
class AvailableSignalTest {

  private final LiveHub hub = new LiveHub(LiveLimits.defaults());
  private final Publication publication = hub.publish("standup");
  private long tag;

  private void push(int count) {
    for (int i = 0; i < count; i++) {
      publication.push(interFrame(tag++, 100));
    }
  }

  private RecordingSubscriber idleSubscriber() {
    publication.push(keyFrame(tag++, 400));
    RecordingSubscriber subscriber = RecordingSubscriber.subscribe(hub, "standup");
    assertThat(subscriber.drain()).hasSize(1);
    return subscriber;
  }

  @Test
  void aSubscriptionStartsAsIfSignalledSoTheJoinBurstCostsNoCall() {
    publication.push(keyFrame(tag++, 400));
    RecordingSubscriber subscriber = RecordingSubscriber.subscribe(hub, "standup");
    push(3);

    assertThat(subscriber.available).hasValue(0);
    assertThat(subscriber.drain()).hasSize(4);
  }

  @Test
  void theFirstMessageIntoAnEmptyQueueSignalsAndTheRestDoNot() {
    RecordingSubscriber subscriber = idleSubscriber();

    push(5);

    assertThat(subscriber.available).hasValue(1);
  }

  @Test
  void aConsumerThatHasNotSeenNullIsNotSignalledAgain() {
    RecordingSubscriber subscriber = idleSubscriber();
    push(1);
    assertThat(subscriber.subscription().poll()).isNotNull();

    push(1);

    assertThat(subscriber.available).as("queue emptied by a poll, but no null seen").hasValue(1);
  }

  @Test
  void eachDrainToNullArmsExactlyOneMoreSignal() {
    RecordingSubscriber subscriber = idleSubscriber();
    for (int round = 1; round <= 10; round++) {
      push(3);
      assertThat(subscriber.drain()).hasSize(3);
      assertThat(subscriber.available).hasValue(round);
    }
    subscriber.drain();
    subscriber.drain();
    push(1);
    assertThat(subscriber.available).as("repeated nulls arm once").hasValue(11);
  }

  @Test
  void nothingIsSignalledAfterCloseOrCancel() {
    RecordingSubscriber cancelled = idleSubscriber();
    RecordingSubscriber ended = RecordingSubscriber.subscribe(hub, "standup");
    ended.drain();
    cancelled.drain();
    cancelled.subscription().cancel();
    push(1);
    publication.end();
    push(1);

    assertThat(cancelled.available).hasValue(0);
    assertThat(ended.available).as("the push before the end").hasValue(1);
    assertThat(ended.closed).containsExactly(CloseReason.PUBLISHER_ENDED);
    assertThat(cancelled.closed).isEmpty();
  }

  @Test
  void aSubscriberWhoseCallbackThrowsIsCancelledAndTheOthersAreStillServed() {
    publication.push(keyFrame(tag++, 400));
    Subscriber failing =
        new Subscriber() {
          @Override
          public void available() {
            throw new IllegalStateException("broken consumer");
          }

          @Override
          public void closed(CloseReason reason) {}
        };
    Subscription broken = hub.subscribe("standup", failing).orElseThrow();
    while (broken.poll() != null) {}
    RecordingSubscriber healthy = idleSubscriber();

    push(1);

    assertThat(broken.isOpen()).isFalse();
    assertThat(healthy.drain()).hasSize(1);
    assertThat(hub.find("standup").orElseThrow().subscribers()).isEqualTo(1);
  }
}
