package io.onair.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real client program as the RTMP tests run it: found on PATH, started with its output and errors
 * together in one log file the assertions read, and left running for the test to await with its own
 * bound.
 */
final class ClientProgram {

  private ClientProgram() {}

  /**
   * The program on PATH; the tests need the real one, from Debian's {@code debianPackages}, which
   * ./test.sh installs when missing.
   */
  static String onPath(String program, String debianPackages) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        program
            + " is not on PATH: run the tests with ./test.sh, which installs it, or apt-get install"
            + " "
            + debianPackages);
  }

  /** Starts {@code command} with {@code environment} added to ours, writing to {@code log}. */
  static Process start(List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }
}
