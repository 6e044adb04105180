package io.onair.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** RTMP players from Debian's packages: ffmpeg decoding what it plays, and rtmpdump recording. */
public final class Players {

  private Players() {}

  /**
   * Plays {@code url} and decodes {@code seconds} of it (stream time, not wall time), discarding
   * the pictures and sound; ffmpeg's progress in {@code log} counts the decoded frames.
   */
  public static Process ffmpeg(String url, int seconds, Path log) throws IOException {
    return decoding(log, "-i", url, "-t", String.valueOf(seconds));
  }

  /**
   * Plays an HLS or DASH presentation over HTTP with Basic credentials (sent on every request,
   * manifests and segments alike), decoding all of it; errors end it with a non-zero exit.
   */
  public static Process ffmpegHttp(String url, String user, String password, Path log)
      throws IOException {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return decoding(
        log, "-xerror", "-headers", "Authorization: Basic " + credentials + "\r\n", "-i", url);
  }

  /**
   * Records the live stream at {@code url} into the FLV file {@code into} until the server says it
   * ended (rtmpdump's --stop does not apply to live streams).
   */
  public static Process rtmpdump(String url, Path into, Path log) throws IOException {
    return start(
        log,
        List.of(
            ClientProgram.onPath("rtmpdump", "rtmpdump"),
            "--live",
            "--rtmp",
            url,
            "--flv",
            into.toString()));
  }

  /** ffprobe's view of a file's streams: one {@code codec_type=codec_name} line per stream. */
  public static Process probe(Path file, Path log) throws IOException {
    return start(
        log,
        List.of(
            ClientProgram.onPath("ffprobe", "ffmpeg"),
            "-v",
            "error",
            "-show_entries",
            "stream=codec_type,codec_name",
            "-of",
            "compact=p=0:nk=0",
            file.toString()));
  }

  /**
   * Decodes every frame of a file; exits non-zero, with errors in {@code log}, if any is broken.
   */
  public static Process decode(Path file, Path log) throws IOException {
    return decoding(log, "-v", "error", "-xerror", "-i", file.toString());
  }

  /** ffmpeg with {@code options}, decoding everything and writing nothing. */
  private static Process decoding(Path log, String... options) throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(ClientProgram.onPath("ffmpeg", "ffmpeg"), "-hide_banner", "-nostdin"));
    command.addAll(List.of(options));
    command.addAll(List.of("-f", "null", "-"));
    return start(log, command);
  }

  private static Process start(Path log, List<String> command) throws IOException {
    return ClientProgram.start(command, Map.of(), log);
  }
}
