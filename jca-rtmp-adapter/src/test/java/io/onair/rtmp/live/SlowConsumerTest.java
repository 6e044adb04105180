package io.onair.rtmp.live;

import static io.onair.rtmp.live.Media.audioFrame;
import static io.onair.rtmp.live.Media.audioHeader;
import static io.onair.rtmp.live.Media.interFrame;
import static io.onair.rtmp.live.Media.keyFrame;
import static io.onair.rtmp.live.Media.metadata;
import static io.onair.rtmp.live.Media.videoHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.message.RtmpMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A subscriber that cannot keep up costs the publisher and the others nothing. */
class SlowConsumerTest {

  private static final String NAME = "keynote";
  private static final int QUEUE = 8;

  private final LiveHub hub = new LiveHub(new LiveLimits(QUEUE, 1 << 20, 4096, 32 << 20, 1));
  private final Publication publication = hub.publish(NAME);
  private long tag;

  private void pushInterFrames(int count) {
    for (int i = 0; i < count; i++) {
      publication.push(interFrame(tag++, 100));
    }
  }

  private RtmpMessage pushKeyFrame() {
    RtmpMessage key = keyFrame(tag++, 400);
    publication.push(key);
    return key;
  }

  /** A subscriber that has drained its start: metadata, headers and the GOP. */
  private RecordingSubscriber caughtUp() {
    publication.push(metadata(tag++));
    publication.push(videoHeader(tag++));
    publication.push(audioHeader(tag++));
    pushKeyFrame();
    RecordingSubscriber subscriber = RecordingSubscriber.subscribe(hub, NAME);
    assertThat(subscriber.drain()).hasSize(4);
    return subscriber;
  }

  @ParameterizedTest(name = "queue of {0} messages, {1} bytes")
  @CsvSource({"64, 1048576", "100000, 16384"})
  void aSubscriberThatNeverPollsIsBoundedSkippedAndClosedWhileOthersGetEverything(
      int queueMessages, long queueBytes) {
    LiveHub hub = new LiveHub(new LiveLimits(queueMessages, queueBytes, 4096, 32 << 20, 3));
    Publication publication = hub.publish(NAME);
    publication.push(metadata(0));
    publication.push(videoHeader(1));
    publication.push(audioHeader(2));
    RecordingSubscriber stuck = RecordingSubscriber.subscribe(hub, NAME);
    RecordingSubscriber reader = RecordingSubscriber.subscribe(hub, NAME);
    Gops source = new Gops(3, 30, 400);

    long expected = 0;
    int pushes = 0;
    for (int i = 0; i < 100_000; i++) {
      assertThat(publication.push(source.next())).isTrue();
      pushes++;
      assertThat(stuck.subscription().queuedMessages()).isLessThanOrEqualTo(queueMessages);
      assertThat(stuck.subscription().queuedBytes()).isLessThanOrEqualTo(queueBytes);
      for (RtmpMessage message : reader.drain()) {
        assertThat(message.timestamp()).isEqualTo(expected++);
      }
    }

    assertThat(pushes).isEqualTo(100_000);
    assertThat(expected).as("the reader got every tag, in order").isEqualTo(100_003);
    assertThat(reader.subscription().droppedMessages()).isZero();
    assertThat(reader.closed).isEmpty();
    assertThat(stuck.closed).containsExactly(CloseReason.SLOW_CONSUMER);
    assertThat(stuck.subscription().skips()).isEqualTo(4);
    assertThat(stuck.subscription().droppedMessages()).isPositive();
    assertThat(stuck.subscription().queuedMessages()).isZero();
    assertThat(hub.find(NAME).orElseThrow().subscribers()).isEqualTo(1);
  }

  @Test
  void anOverflowClearsTheQueueAndTheSubscriberResumesAtTheNextKeyFrame() {
    RecordingSubscriber slow = caughtUp();
    pushInterFrames(QUEUE + 1);
    publication.push(audioFrame(tag++, 20));
    pushInterFrames(2);

    RtmpMessage key = pushKeyFrame();
    RtmpMessage next = interFrame(tag++, 100);
    publication.push(next);

    assertThat(slow.drain()).as("headers unchanged: not sent again").containsExactly(key, next);
    assertThat(slow.subscription().skips()).isEqualTo(1);
    assertThat(slow.subscription().droppedMessages()).isEqualTo(QUEUE + 4);
    assertThat(slow.closed).isEmpty();
  }

  @Test
  void aKeyFrameThatOverflowsTheQueueIsWhereTheSubscriberResumes() {
    RecordingSubscriber slow = caughtUp();
    pushInterFrames(QUEUE);

    RtmpMessage key = pushKeyFrame();

    assertThat(slow.drain()).containsExactly(key);
    assertThat(slow.subscription().droppedMessages()).isEqualTo(QUEUE);
  }

  @Test
  void headersThatChangedWhileSkippingAreSentBeforeTheKeyFrame() {
    RecordingSubscriber slow = caughtUp();
    pushInterFrames(QUEUE + 1);
    RtmpMessage newVideo = videoHeader(tag++);
    publication.push(newVideo);

    RtmpMessage key = pushKeyFrame();

    assertThat(slow.drain()).containsExactly(newVideo, key);
  }

  @Test
  void headersClearedBeforeTheSubscriberPolledThemAreSentAgain() {
    RecordingSubscriber slow = caughtUp();
    RtmpMessage newAudio = audioHeader(tag++);
    publication.push(newAudio);
    pushInterFrames(QUEUE);

    RtmpMessage key = pushKeyFrame();

    assertThat(slow.drain()).containsExactly(newAudio, key);
  }

  @Test
  void aHeaderAlreadyPolledLiveIsNotSentAgainAfterASkip() {
    RecordingSubscriber slow = caughtUp();
    RtmpMessage newVideo = videoHeader(tag++);
    publication.push(newVideo);
    RtmpMessage key = pushKeyFrame();
    assertThat(slow.drain()).containsExactly(newVideo, key);
    pushInterFrames(QUEUE + 1);

    RtmpMessage next = pushKeyFrame();

    assertThat(slow.drain()).containsExactly(next);
  }

  @Test
  void pollingAWholeGopAfterResumingResetsTheSkipCount() {
    RecordingSubscriber slow = caughtUp();
    for (int round = 0; round < 5; round++) {
      pushInterFrames(QUEUE + 1);
      pushKeyFrame();
      pushInterFrames(2);
      pushKeyFrame();
      assertThat(slow.drain()).hasSize(4);
    }

    assertThat(slow.subscription().skips()).isEqualTo(5);
    assertThat(slow.subscription().isOpen()).isTrue();
  }

  @Test
  void overflowingAgainWithoutHavingPolledAWholeGopCloses() {
    RecordingSubscriber slow = caughtUp();
    pushInterFrames(QUEUE + 1);
    pushKeyFrame();
    assertThat(slow.drain()).hasSize(1);
    assertThat(slow.closed).isEmpty();

    pushInterFrames(QUEUE + 1);

    assertThat(slow.closed).containsExactly(CloseReason.SLOW_CONSUMER);
    assertThat(slow.subscription().isOpen()).isFalse();
    assertThat(slow.drain()).isEmpty();
    pushKeyFrame();
    assertThat(slow.drain()).isEmpty();
    assertThat(hub.find(NAME).orElseThrow().subscribers()).isZero();
  }

  @Test
  void withNoSkipsAllowedTheFirstOverflowCloses() {
    LiveHub strict = new LiveHub(new LiveLimits(QUEUE, 1 << 20, 4096, 32 << 20, 0));
    Publication publication = strict.publish(NAME);
    publication.push(keyFrame(0, 400));
    RecordingSubscriber slow = RecordingSubscriber.subscribe(strict, NAME);

    for (int i = 1; i <= QUEUE; i++) {
      publication.push(interFrame(i, 100));
    }

    assertThat(slow.closed).containsExactly(CloseReason.SLOW_CONSUMER);
    assertThat(slow.subscription().droppedMessages()).isEqualTo(QUEUE + 1);
  }
}
