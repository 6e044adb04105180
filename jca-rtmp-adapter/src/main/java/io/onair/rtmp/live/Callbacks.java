package io.onair.rtmp.live;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The subscriber calls one push or end owes, gathered under the stream's lock and made after it is
 * released: a subscriber that calls back into the hub, or is slow despite the contract, then holds
 * up no one else's subscribe or cancel. Lists are made only when there is something to call.
 */
final class Callbacks {

  private static final Logger LOG = Logger.getLogger(Callbacks.class.getName());

  private List<Subscription> woken;
  private List<Subscription> closed;

  void wake(Subscription subscription) {
    if (woken == null) {
      woken = new ArrayList<>();
    }
    woken.add(subscription);
  }

  void closed(Subscription subscription) {
    if (closed == null) {
      closed = new ArrayList<>();
    }
    closed.add(subscription);
  }

  /** Makes the calls. A subscriber that throws is cancelled: it cannot be trusted to drain. */
  void run() {
    if (woken != null) {
      woken.forEach(s -> call(s, () -> s.subscriber().available()));
    }
    if (closed != null) {
      closed.forEach(s -> call(s, () -> s.subscriber().closed(s.closeReason().orElseThrow())));
    }
  }

  private static void call(Subscription subscription, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          e,
          () -> "Subscriber of live stream " + subscription.streamName() + " failed; cancelled");
      subscription.cancel();
    }
  }
}
