package io.onair.streaming.application;

import jakarta.ejb.ApplicationException;

/** A channel with that name exists already. */
@ApplicationException(rollback = true)
public class ChannelNameTakenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChannelNameTakenException(String name) {
    super("a channel named '" + name + "' exists already");
  }
}
