package io.onair.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GStreamer's gst-launch-1.0 as an RTMP client: rtmp2sink publishing a generated test picture and
 * tone, the same media as {@link Ffmpeg} sends.
 */
public final class GStreamer {

  /** What ./test.sh installs for it: the tool, and the plugins of the elements below. */
  static final String DEBIAN_PACKAGES =
      "gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good"
          + " gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly";

  /**
   * Warnings and errors of every RTMP category (rtmp2sink, the connection, the handshake, AMF), and
   * the client's progress: its connect result and the server's answer to publish. GStreamer's RTMP
   * code reports a server's protocol slips only at these levels, never on the bus.
   */
  static final Map<String, String> DEBUG =
      Map.of("GST_DEBUG", "rtmp*:2,rtmpclient:4", "GST_DEBUG_NO_COLOR", "1");

  private GStreamer() {}

  /**
   * Starts publishing {@code seconds} of 640x360 H.264 at 25 fps (a key frame every 2 s) with AAC
   * to {@code url} through rtmp2sink, in real time, its output going to {@code log}. The sources
   * stop after {@code seconds} of buffers (audio in 40 ms buffers, a video frame's length), and
   * gst-launch exits once that end of stream has passed through rtmp2sink.
   */
  public static Process publish(String url, int seconds, Path log) throws IOException {
    String buffers = String.valueOf(seconds * 25);
    List<String> command = new ArrayList<>();
    command.add(ClientProgram.onPath("gst-launch-1.0", DEBIAN_PACKAGES));
    // flvmux's streamable mode writes no seek index or duration at the end: what a live sink takes.
    command.addAll(List.of("flvmux", "name=mux", "streamable=true"));
    // rtmp2sink splits the URL: the last path segment is the stream (the key), the rest the app.
    // Its 5 s default timeout is short for the first publish a cold server decides; 30 s still
    // ends a hang well inside the tests' bounds.
    command.addAll(List.of("!", "rtmp2sink", "location=" + url, "timeout=30"));
    command.addAll(List.of("videotestsrc", "is-live=true", "num-buffers=" + buffers));
    command.addAll(List.of("!", "video/x-raw,width=640,height=360,framerate=25/1"));
    command.addAll(List.of("!", "x264enc", "tune=zerolatency", "speed-preset=ultrafast"));
    command.addAll(List.of("key-int-max=50", "!", "h264parse", "!", "queue", "!", "mux."));
    command.addAll(List.of("audiotestsrc", "is-live=true", "num-buffers=" + buffers));
    command.addAll(List.of("samplesperbuffer=1920", "freq=440", "!", "audioconvert"));
    command.addAll(List.of("!", "audio/x-raw,rate=48000,channels=2"));
    // voaacenc, from plugins-bad: Debian's gstreamer1.0-libav (avenc_aac) is not needed for it.
    command.addAll(List.of("!", "voaacenc", "bitrate=96000", "!", "aacparse"));
    command.addAll(List.of("!", "queue", "!", "mux."));
    return ClientProgram.start(command, DEBUG, log);
  }
}
