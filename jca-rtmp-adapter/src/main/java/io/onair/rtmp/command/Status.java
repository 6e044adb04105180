package io.onair.rtmp.command;

/**
 * The NetConnection and NetStream status codes this server sends, with their levels. Clients act on
 * the code: ffmpeg starts sending media on Publish.Start and prints the description of an error;
 * OBS (librtmp) waits for Publish.Start; players start on Play.Start.
 */
public enum Status {
  CONNECT_SUCCESS("status", "NetConnection.Connect.Success"),
  CONNECT_REJECTED("error", "NetConnection.Connect.Rejected"),
  CALL_FAILED("error", "NetConnection.Call.Failed"),
  PUBLISH_START("status", "NetStream.Publish.Start"),
  PUBLISH_BAD_NAME("error", "NetStream.Publish.BadName"),
  UNPUBLISH_SUCCESS("status", "NetStream.Unpublish.Success"),
  PLAY_RESET("status", "NetStream.Play.Reset"),
  PLAY_START("status", "NetStream.Play.Start"),
  PLAY_STOP("status", "NetStream.Play.Stop"),
  PLAY_FAILED("error", "NetStream.Play.Failed"),
  PLAY_STREAM_NOT_FOUND("error", "NetStream.Play.StreamNotFound"),
  PLAY_UNPUBLISH_NOTIFY("status", "NetStream.Play.UnpublishNotify"),
  PLAY_PUBLISH_NOTIFY("status", "NetStream.Play.PublishNotify");

  private final String level;
  private final String code;

  Status(String level, String code) {
    this.level = level;
    this.code = code;
  }

  public String level() {
    return level;
  }

  public String code() {
    return code;
  }
}
