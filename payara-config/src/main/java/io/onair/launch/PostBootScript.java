package io.onair.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The asadmin commands Payara Micro runs after booting: the resources the application needs and the
 * adapter's deployment. Made from a template; secrets stay out of it (they reach Payara through the
 * environment).
 */
final class PostBootScript {

  private static final String TEMPLATE = "micro-postboot.asadmin";

  private PostBootScript() {}

  static String render(Map<String, String> values) {
    String text;
    try (InputStream in = PostBootScript.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the launcher jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("@" + value.getKey() + "@", value.getValue());
    }
    if (text.matches("(?s).*@[A-Z_]+@.*")) {
      throw new IllegalArgumentException("post-boot template value missing in " + values.keySet());
    }
    return text;
  }

  static Path write(Path file, Map<String, String> values) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, render(values));
  }
}
