package io.onair.streaming.media.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a committed golden file under {@code testdata/}; with {@code
 * -Dgolden.update=true} it rewrites the file instead (see testdata/README.md).
 */
public final class Golden {

  static final Path DIR = Path.of("src/test/resources/io/onair/streaming/media/manifest/testdata");

  private Golden() {}

  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden file %s (regenerate with -Dgolden.update=true)", name).exists();
      assertThat(actual).as("output against %s", file).isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
