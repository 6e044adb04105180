package io.onair.streaming.media.transcode;

/**
 * A configured ladder that {@link LadderSyntax} cannot read. The message names the rung, by its
 * position and text, and what is wrong with it, so an operator can fix the setting from the log
 * line alone.
 */
public final class LadderSyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public LadderSyntaxException(String message) {
    super(message);
  }
}
