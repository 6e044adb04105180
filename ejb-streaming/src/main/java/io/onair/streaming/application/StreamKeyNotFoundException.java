package io.onair.streaming.application;

import jakarta.ejb.ApplicationException;

/** No stream key has the id asked for. */
@ApplicationException
public class StreamKeyNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StreamKeyNotFoundException(long id) {
    super("no stream key with id " + id);
  }
}
