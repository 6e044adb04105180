package io.onair.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The asadmin commands Payara Micro runs after booting: the resources the application needs and the
 * adapter's deployment. Made from a template; secrets stay out of it (they reach Payara through the
 * environment).
 */
public final class PostBootScript {

  private static final String DOMAIN = "onair-domain.asadmin";

  /** The Server file's configuration of the adapter inside the EAR; Micro has no EAR. */
  private static final String EMBEDDED_ADAPTER = "onair#onair-rtmp";

  private static final String ADAPTER = "micro-adapter.asadmin";

  private PostBootScript() {}

  /**
   * The resources and, if {@code withAdapter}, the adapter; values fill the template's @NAME@s.
   *
   * @throws IllegalArgumentException if the result still has an unfilled @NAME@
   */
  public static String render(Map<String, String> values, boolean withAdapter) {
    String resources =
        template(DOMAIN)
            .lines()
            // The operators' comments speak of Payara Server; the commands are what Micro needs.
            .filter(line -> !line.startsWith("#") && !line.contains(EMBEDDED_ADAPTER))
            .collect(Collectors.joining("\n", "", "\n"));
    String text =
        "# Written by the OnAir launcher from onair-domain.asadmin"
            + (withAdapter ? " and micro-adapter.asadmin.\n" : ".\n")
            + resources
            + (withAdapter ? "\n" + template(ADAPTER) : "");
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("@" + value.getKey() + "@", value.getValue());
    }
    if (text.matches("(?s).*@[A-Z_]+@.*")) {
      throw new IllegalArgumentException("post-boot template value missing in " + values.keySet());
    }
    return text;
  }

  public static Path write(Path file, Map<String, String> values, boolean withAdapter)
      throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, render(values, withAdapter));
  }

  private static String template(String name) {
    try (InputStream in = PostBootScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the launcher jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
