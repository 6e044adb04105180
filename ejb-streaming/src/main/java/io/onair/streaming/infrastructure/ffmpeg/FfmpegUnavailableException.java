package io.onair.streaming.infrastructure.ffmpeg;

/**
 * No usable ffmpeg: the message names the program that was tried (or where none was found) and what
 * is wrong with it, so an operator can act on the log line alone.
 */
public final class FfmpegUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  FfmpegUnavailableException(String message) {
    super(message);
  }

  FfmpegUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
