package io.onair.streaming.infrastructure.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Shell scripts named {@code ffmpeg} that stand in for a program on a PATH or at a configured path:
 * fixtures for finding and checking a program, not for anything ffmpeg does.
 */
final class FakeFfmpeg {

  private FakeFfmpeg() {}

  /** {@code dir/ffmpeg} answering {@code -version} with {@code firstLine}, like ffmpeg does. */
  static Path printing(Path dir, String firstLine) throws IOException {
    return script(dir, "printf '%s\\nbuilt with gcc\\n' '" + firstLine + "'");
  }

  /** {@code dir/ffmpeg}, executable, running {@code body} with /bin/sh. */
  static Path script(Path dir, String body) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("ffmpeg");
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
