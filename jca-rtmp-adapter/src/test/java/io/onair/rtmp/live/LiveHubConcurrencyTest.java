package io.onair.rtmp.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One publisher thread, consumers polling at different speeds on their own threads, some joining
 * late, some cancelling: whatever the interleaving, what each consumer gets is in order, resumes
 * only at key frames, never overfills a queue, and every subscription ends closed or cancelled.
 */
class LiveHubConcurrencyTest {

  private static final String NAME = "stress";
  private static final int MESSAGES = 60_000;
  private static final int GOP = 50;
  private static final LiveLimits LIMITS = new LiveLimits(256, 128 * 1024, 4096, 32 << 20, 2);

  /**
   * Busy work per message, setting each thread's pace without a clock: consumers faster and slower
   * than the publisher; -1 never polls.
   */
  private static final int[] CONSUMER_WORK = {0, 300, 1500, 6000, 0, 800, 20000, -1};

  private static final int PUBLISHER_WORK = 5000;

  private final LiveHub hub = new LiveHub(LIMITS);
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
  private final CountDownLatch earlyJoined = new CountDownLatch(4);
  private final CountDownLatch midway = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(8);

  /** Metadata and headers first, then GOPs; a new video configuration every 20 GOPs. */
  private static List<RtmpMessage> publishedStream() {
    List<RtmpMessage> messages = new ArrayList<>(MESSAGES);
    messages.add(Media.metadata(0));
    messages.add(Media.videoHeader(1));
    messages.add(Media.audioHeader(2));
    Gops gops = new Gops(3, GOP, 800);
    while (messages.size() < MESSAGES) {
      long tag = messages.size();
      boolean gopStart = (tag - 3) % GOP == 0;
      if (gopStart && tag > 3 && (tag - 3) % (20 * GOP) == 0) {
        messages.add(Media.videoHeader(tag));
        gops = new Gops(tag + 1, GOP, 800);
      }
      messages.add(gops.next());
    }
    return messages.subList(0, MESSAGES);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void consumersAtEverySpeedGetAnOrderedBoundedShareAndAllEndClosedOrCancelled(long seed)
      throws InterruptedException {
    List<RtmpMessage> published = publishedStream();
    Random random = new Random(seed);
    List<Consumer> consumers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      boolean cancels = i % 3 == 2;
      consumers.add(
          new Consumer(i >= 4, CONSUMER_WORK[i], cancels ? 100 + random.nextInt(20_000) : 0));
    }
    ExecutorService executor = Executors.newFixedThreadPool(consumers.size());
    try {
      Publication publication = hub.publish(NAME);
      consumers.forEach(c -> executor.execute(c::run));
      AtomicInteger overfull = publish(publication, published);

      assertThat(finished.await(2, TimeUnit.MINUTES)).as("every consumer finished").isTrue();
      assertThat(errors).isEmpty();
      assertThat(overfull).hasValue(0);
    } finally {
      executor.shutdownNow();
    }
    consumers.forEach(c -> c.assertEnded(published));
    assertThat(consumers.get(7).subscription.closeReason()).contains(CloseReason.SLOW_CONSUMER);
    assertThat(hub.isLive(NAME)).isFalse();
  }

  /** Pushes everything, checking every queue's bounds after each push; counts overfull queues. */
  private AtomicInteger publish(Publication publication, List<RtmpMessage> published)
      throws InterruptedException {
    assertThat(earlyJoined.await(1, TimeUnit.MINUTES)).as("early consumers joined").isTrue();
    AtomicInteger overfull = new AtomicInteger();
    for (RtmpMessage message : published) {
      assertThat(publication.push(message)).isTrue();
      spin(PUBLISHER_WORK, message);
      if (message.timestamp() == MESSAGES / 2) {
        midway.countDown();
      }
      for (Subscription subscription : subscriptions) {
        if (subscription.queuedMessages() > LIMITS.subscriberQueueMessages()
            || subscription.queuedBytes() > LIMITS.subscriberQueueBytes()) {
          overfull.incrementAndGet();
        }
      }
    }
    publication.end();
    return overfull;
  }

  private final class Consumer implements Subscriber {

    private final boolean late;
    private final int workPerMessage;
    private final int cancelAfter;
    private final Semaphore signal = new Semaphore(0);
    private final List<RtmpMessage> delivered = new ArrayList<>();
    private Subscription subscription;
    private boolean cancelled;

    /**
     * @param workPerMessage busy work per message, setting the consumer's speed; -1 never polls
     * @param cancelAfter cancels after this many messages; 0 never
     */
    Consumer(boolean late, int workPerMessage, int cancelAfter) {
      this.late = late;
      this.workPerMessage = workPerMessage;
      this.cancelAfter = cancelAfter;
    }

    @Override
    public void available() {
      signal.release();
    }

    @Override
    public void closed(CloseReason reason) {
      signal.release();
    }

    void run() {
      try {
        Optional<Subscription> joined = join();
        if (joined.isPresent()) {
          subscription = joined.get();
          subscriptions.add(subscription);
          consume();
        }
      } catch (Throwable e) {
        errors.add(e);
      } finally {
        finished.countDown();
      }
    }

    private Optional<Subscription> join() throws InterruptedException {
      if (late) {
        midway.await();
        return hub.subscribe(NAME, this);
      }
      try {
        return hub.subscribe(NAME, this);
      } finally {
        earlyJoined.countDown();
      }
    }

    private void consume() throws InterruptedException {
      while (true) {
        if (workPerMessage >= 0 && drain()) {
          return;
        }
        if (!subscription.isOpen()) {
          drain();
          return;
        }
        signal.acquire();
      }
    }

    /** Polls until null; true when it cancelled. */
    private boolean drain() {
      for (RtmpMessage m = subscription.poll(); m != null; m = subscription.poll()) {
        delivered.add(m);
        work(m);
        if (delivered.size() == cancelAfter) {
          subscription.cancel();
          cancelled = true;
          return true;
        }
      }
      return false;
    }

    private void work(RtmpMessage message) {
      spin(workPerMessage, message);
    }

    void assertEnded(List<RtmpMessage> published) {
      if (subscription == null) {
        assertThat(late).as("only a late joiner may find the stream ended").isTrue();
        return;
      }
      assertThat(subscription.isOpen()).isFalse();
      assertThat(cancelled || subscription.closeReason().isPresent()).isTrue();
      assertThat(subscription.queuedMessages()).as("drained").isZero();
      assertThat(subscription.queuedBytes()).as("drained, bytes counted right").isZero();
      new PlayerView(published).check(delivered, subscription.skips());
    }
  }

  /**
   * What a player makes of what it got: frames in order, decodable from the first key frame after
   * every gap, each decoded with the configuration current when it was published.
   */
  private static final class PlayerView {

    private final List<RtmpMessage> published;
    private final int[] nextMedia;
    private final int[][] currentHeaders;

    PlayerView(List<RtmpMessage> published) {
      this.published = published;
      nextMedia = new int[published.size() + 1];
      currentHeaders = new int[published.size()][];
      int next = -1;
      for (int tag = published.size() - 1; tag >= -1; tag--) {
        nextMedia[tag + 1] = next;
        if (tag >= 0 && !isHeader(published.get(tag))) {
          next = tag;
        }
      }
      int[] latest = {-1, -1, -1};
      for (int tag = 0; tag < published.size(); tag++) {
        int kind = headerKind(published.get(tag));
        if (kind >= 0) {
          latest[kind] = tag;
        }
        currentHeaders[tag] = latest.clone();
      }
    }

    void check(List<RtmpMessage> delivered, long skips) {
      int previousMedia = -1;
      int[] given = {-1, -1, -1};
      boolean started = false;
      for (RtmpMessage message : delivered) {
        int tag = (int) message.timestamp();
        assertThat(message).isSameAs(published.get(tag));
        int kind = headerKind(message);
        if (kind >= 0) {
          given[kind] = tag;
          continue;
        }
        assertThat(tag).as("media order").isGreaterThan(previousMedia);
        if (tag != nextMedia[previousMedia + 1]) {
          assertThat(isKeyFrame(message)).as("after a gap, tag %d is a key frame", tag).isTrue();
          assertThat(started && skips == 0).as("a gap at %d without a skip", tag).isFalse();
        }
        assertThat(given).as("headers in force at %d", tag).isEqualTo(currentHeaders[tag]);
        started = true;
        previousMedia = tag;
      }
    }
  }

  /** 0 metadata, 1 video header, 2 audio header; -1 for media. */
  private static int headerKind(RtmpMessage message) {
    if (message.type() == MessageType.DATA_AMF0) {
      return 0;
    }
    if (message.payload()[1] != 0) {
      return -1;
    }
    return message.type() == MessageType.VIDEO ? 1 : 2;
  }

  /** Busy work standing in for a network write: it sets a thread's pace without a clock. */
  private void spin(int iterations, RtmpMessage message) {
    long sum = 0;
    for (int i = 0; i < iterations; i++) {
      sum += message.payload()[i % message.payload().length];
    }
    if (sum == Long.MIN_VALUE) {
      errors.add(new AssertionError("unreachable; keeps the work from being optimised away"));
    }
  }

  private static boolean isKeyFrame(RtmpMessage message) {
    return message.type() == MessageType.VIDEO
        && message.payload()[0] == 0x17
        && message.payload()[1] == 1;
  }

  private static boolean isHeader(RtmpMessage message) {
    return headerKind(message) >= 0;
  }
}
