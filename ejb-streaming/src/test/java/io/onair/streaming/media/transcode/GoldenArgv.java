package io.onair.streaming.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares an argv with a committed golden file under {@code testdata/}, one argument per line;
 * with {@code -Dgolden.update=true} it rewrites the file instead (see testdata/README.md).
 */
final class GoldenArgv {

  static final Path DIR = Path.of("src/test/resources/io/onair/streaming/media/transcode/testdata");

  private GoldenArgv() {}

  static void assertMatches(String name, List<String> argv) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.write(file, argv, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden file %s (regenerate with -Dgolden.update=true)", name).exists();
      assertThat(argv)
          .as("argv against %s", file)
          .containsExactlyElementsOf(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
