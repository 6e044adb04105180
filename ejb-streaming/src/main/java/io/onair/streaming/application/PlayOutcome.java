package io.onair.streaming.application;

/** What became of a request to play a channel with a viewer token. */
public sealed interface PlayOutcome {

  /** The player may watch the channel, on behalf of the named account. */
  record Allowed(String channel, String viewer) implements PlayOutcome {}

  /** The play was refused. */
  record Denied(Reason reason) implements PlayOutcome {}

  /** Why a play is refused. */
  enum Reason {
    /** No token, one of the wrong shape, an unknown one, or an expired one. */
    INVALID_TOKEN,
    /** The name is no channel's, or no channel name at all. */
    UNKNOWN_CHANNEL,
    CHANNEL_DISABLED
  }
}
