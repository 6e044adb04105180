package io.onair.streaming.application;

import jakarta.ejb.ApplicationException;

/**
 * The RTMP adapter's live feeds cannot be reached: their connector resource is not configured, the
 * adapter is not running, or every connection is taken.
 */
@ApplicationException
public class LiveFeedUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LiveFeedUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
