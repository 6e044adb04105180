package io.onair.rtmp.api;

import java.util.Objects;

/**
 * The answer to a {@link PublishRequest}: either accepted, naming the broadcast that the publish
 * starts and the channel viewers watch it under, or refused with a reason.
 */
public sealed interface PublishDecision {

  /** The publish may start; its media belongs to this broadcast of this channel. */
  record Accepted(long broadcastId, String channel) implements PublishDecision {
    public Accepted {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** The publish is refused; the client is told so and the connection is closed. */
  record Refused(RefusalReason reason) implements PublishDecision {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static PublishDecision accept(long broadcastId, String channel) {
    return new Accepted(broadcastId, channel);
  }

  static PublishDecision refuse(RefusalReason reason) {
    return new Refused(reason);
  }
}
