package io.onair.rtmp.api;

/** Why a play was denied. The adapter maps each to the description of NetStream.Play.Failed. */
public enum PlayDenial {
  /** The client sent no viewer token, or one that is unknown or has expired. */
  INVALID_TOKEN,
  /** No channel has that name. */
  UNKNOWN_CHANNEL,
  /** The viewer may not watch this channel, or the channel is disabled. */
  FORBIDDEN,
  /** The decision could not be made (no listener, a timeout, an error); nothing is played. */
  UNAVAILABLE
}
