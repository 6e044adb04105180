package io.onair.streaming.domain.channel;

import jakarta.ejb.ApplicationException;

/** A channel name that is not usable in URLs. */
@ApplicationException
public class InvalidChannelNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidChannelNameException(String name) {
    super(
        "channel name must be 2 to 64 of a-z, 0-9 and inner '-', was "
            + (name == null ? "null" : "'" + name + "'"));
  }
}
