package io.onair.rtmp.live;

import io.onair.rtmp.message.RtmpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A subscriber that counts the hub's calls and drains on demand, on the test's thread. */
final class RecordingSubscriber implements Subscriber {

  final AtomicInteger available = new AtomicInteger();
  final List<CloseReason> closed = new CopyOnWriteArrayList<>();
  private Subscription subscription;

  static RecordingSubscriber subscribe(LiveHub hub, String name) {
    RecordingSubscriber subscriber = new RecordingSubscriber();
    subscriber.subscription = hub.subscribe(name, subscriber).orElseThrow();
    return subscriber;
  }

  @Override
  public void available() {
    available.incrementAndGet();
  }

  @Override
  public void closed(CloseReason reason) {
    closed.add(reason);
  }

  Subscription subscription() {
    return subscription;
  }

  /** Everything queued, polled until null. */
  List<RtmpMessage> drain() {
    List<RtmpMessage> messages = new ArrayList<>();
    for (RtmpMessage m = subscription.poll(); m != null; m = subscription.poll()) {
      messages.add(m);
    }
    return messages;
  }
}
