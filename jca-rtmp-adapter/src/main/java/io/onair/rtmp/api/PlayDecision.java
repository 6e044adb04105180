package io.onair.rtmp.api;

import java.util.Objects;

/** The answer to a {@link PlayRequest}: allowed for a named viewer, or denied with a reason. */
public sealed interface PlayDecision {

  /**
   * The client may play the channel.
   *
   * @param channel the channel to play, as the live hub knows it
   * @param viewer who watches, for logs and the operators' view (a user name, never the token)
   */
  record Allowed(String channel, String viewer) implements PlayDecision {
    public Allowed {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(viewer, "viewer");
    }
  }

  /** The client may not play; it is told so with NetStream.Play.Failed. */
  record Denied(PlayDenial reason) implements PlayDecision {
    public Denied {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static PlayDecision allow(String channel, String viewer) {
    return new Allowed(channel, viewer);
  }

  static PlayDecision deny(PlayDenial reason) {
    return new Denied(reason);
  }
}
