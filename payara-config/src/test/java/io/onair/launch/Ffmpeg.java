package io.onair.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The ffmpeg program as an RTMP client, publishing a generated test picture and tone. */
public final class Ffmpeg {

  private Ffmpeg() {}

  /**
   * Starts publishing {@code seconds} of 640x360 H.264 at 25 fps (a key frame every 2 s) with AAC
   * to {@code url}, in real time, its output going to {@code log}.
   */
  public static Process publish(String url, int seconds, Path log) throws IOException {
    return publish(url, "640x360", seconds, log);
  }

  /** The same at another picture size ({@code 1280x720}). */
  public static Process publish(String url, String size, int seconds, Path log) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(ClientProgram.onPath("ffmpeg", "ffmpeg"), "-hide_banner", "-nostdin"));
    command.addAll(List.of("-re", "-f", "lavfi", "-i", "testsrc=size=" + size + ":rate=25"));
    command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
    command.addAll(List.of("-t", String.valueOf(seconds)));
    command.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency"));
    command.addAll(List.of("-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k"));
    command.addAll(List.of("-f", "flv", url));
    return ClientProgram.start(command, Map.of(), log);
  }
}
