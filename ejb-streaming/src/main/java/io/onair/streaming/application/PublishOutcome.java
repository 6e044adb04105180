package io.onair.streaming.application;

/** What became of a publish attempt with a stream key. */
public sealed interface PublishOutcome {

  /** A broadcast started on the key's channel. */
  record Started(long broadcastId, String channel) implements PublishOutcome {}

  /** The publish was refused. */
  record Refused(Reason reason) implements PublishOutcome {}

  /** Why a publish is refused. */
  enum Reason {
    UNKNOWN_KEY,
    REVOKED_KEY,
    CHANNEL_DISABLED,
    ALREADY_LIVE,
    LOCKED_OUT
  }
}
