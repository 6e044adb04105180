package io.onair.streaming.application;

import jakarta.ejb.ApplicationException;

/** No channel has the name asked for. */
@ApplicationException
public class ChannelNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChannelNotFoundException(String name) {
    super("no channel named '" + name + "'");
  }
}
