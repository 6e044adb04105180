package io.onair.streaming.domain.channel;

import jakarta.ejb.ApplicationException;

/**
 * A transcoding ladder a channel cannot take: unreadable text, or too long to store. An application
 * exception so the caller gets this message rather than an {@code EJBException}; {@link
 * io.onair.streaming.media.transcode.LadderSyntaxException} is not one, because the ladder classes
 * know nothing of the container.
 */
@ApplicationException(rollback = true)
public class InvalidLadderException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidLadderException(String message) {
    super(message);
  }

  public InvalidLadderException(String message, Throwable cause) {
    super(message, cause);
  }
}
