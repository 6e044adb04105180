package io.onair.streaming.media.transcode;

import io.onair.streaming.media.manifest.Rendition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where ffmpeg sends each rung: a Unix-domain socket per rung, {@code <directory>/<rung>.sock},
 * which the job listens on before it starts ffmpeg and reads one FLV stream from.
 *
 * <p>Why sockets: Java's {@link ProcessBuilder} gives a child only stdin, stdout and stderr, and
 * every rung needs a stream of its own. The alternatives lose something:
 *
 * <ul>
 *   <li>named pipes (FIFOs) cannot be made from Java, and opening one blocks, uninterruptibly,
 *       until the other end opens it: an ffmpeg that dies before its last output leaves a reader
 *       stuck. A socket's connection waits in the listen backlog until accepted, so ffmpeg opening
 *       its outputs one after the other never waits for Java, and closing the listener ends an
 *       accept;
 *   <li>loopback TCP ports can be reached by every local user; the socket files live in a directory
 *       only the server's user may enter (the job creates it 0700);
 *   <li>publishing the rungs back to our own RTMP listener would route media through the publish
 *       decisions (a token per rung, a broadcast that is not one) and depend on the listener's
 *       configuration (RTMPS only, another bind address);
 *   <li>one multiplexed stream on stdout needs a container that carries several videos: MPEG-TS or
 *       NUT, whose demuxer and Annex B / ADTS conversions Java would need, while FLV gives {@code
 *       MediaFrame}s as they are (millisecond decode time, composition offset, avcC and
 *       AudioSpecificConfig), the same FLV the job writes to ffmpeg's stdin.
 * </ul>
 *
 * <p>The price: Linux and macOS only (ffmpeg's {@code unix:} protocol needs AF_UNIX; Windows builds
 * lack it), and a socket path is at most {@value #MAX_PATH_BYTES} bytes (Linux's {@code sun_path}),
 * so the directory must be short.
 */
public record RungSockets(Path directory) {

  /** Linux's {@code sun_path} is 108 bytes with the terminating NUL. */
  static final int MAX_PATH_BYTES = 107;

  private static final String SUFFIX = ".sock";

  /** The longest socket path: a rung name may have 32 characters. */
  private static final int LONGEST_NAME = 32;

  public RungSockets {
    Objects.requireNonNull(directory, "directory");
    if (!directory.isAbsolute()) {
      throw new IllegalArgumentException(
          "socket directory must be absolute (ffmpeg resolves relative paths against its own"
              + " working directory): "
              + directory);
    }
    int longest = bytes(directory) + 1 + LONGEST_NAME + SUFFIX.length();
    if (longest > MAX_PATH_BYTES) {
      throw new IllegalArgumentException(
          "socket directory "
              + directory
              + " is too long: a rung's socket path would need up to "
              + longest
              + " bytes, Unix-domain sockets allow "
              + MAX_PATH_BYTES);
    }
  }

  /** The socket the job listens on for {@code rung}. */
  public Path path(String rung) {
    if (rung == null || !Rendition.isValidName(rung)) {
      // A rung name becomes a file name: nothing that could leave the directory.
      throw new IllegalArgumentException("not a rung name: '" + rung + "'");
    }
    return directory.resolve(rung + SUFFIX);
  }

  /** The output URL ffmpeg connects to for {@code rung}. */
  public String url(String rung) {
    return "unix:" + path(rung);
  }

  private static int bytes(Path path) {
    return path.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
