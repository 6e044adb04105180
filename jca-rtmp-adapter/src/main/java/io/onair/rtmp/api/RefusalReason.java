package io.onair.rtmp.api;

/** Why a publish was refused. The adapter maps each to the RTMP status the client is sent. */
public enum RefusalReason {
  /** No stream key matches what the client sent. */
  UNKNOWN_KEY,
  /** The key existed but has been revoked. */
  REVOKED_KEY,
  /** The key's channel is disabled by an administrator. */
  CHANNEL_DISABLED,
  /** The channel is live from another session and takeover is configured off. */
  ALREADY_LIVE,
  /** Too many failed attempts from this address; it is locked out for a while. */
  LOCKED_OUT,
  /** The decision could not be made (no listener, a timeout, an error); nothing is published. */
  UNAVAILABLE
}
