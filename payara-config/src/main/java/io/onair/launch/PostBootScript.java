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
 * The asadmin commands Payara Micro runs after booting: the resources the application needs, the
 * adapter's deployment, then the adapter's own resources. Made from the Payara Server command files
 * and a template; secrets stay out of it (they reach Payara through the environment).
 *
 * <p>The Server files name the adapter inside the EAR, {@code onair#onair-rtmp}; on Micro it is the
 * standalone {@code onair-rtmp}. Its configuration comes from the template instead, and its
 * resources are renamed, since Payara creates a connector pool only once its adapter is deployed.
 */
public final class PostBootScript {

  private static final String DOMAIN = "onair-domain.asadmin";

  /** The Server file's configuration of the adapter inside the EAR; Micro has no EAR. */
  private static final String EMBEDDED_ADAPTER = "onair#onair-rtmp";

  /** The standalone adapter's application name on Micro: its deployment is named so. */
  private static final String STANDALONE_ADAPTER = "onair-rtmp";

  private static final String ADAPTER = "micro-adapter.asadmin";

  /** The Server file of what is created once the adapter is deployed. */
  private static final String ADAPTER_RESOURCES = "onair-adapter-resources.asadmin";

  private PostBootScript() {}

  /**
   * The resources and, if {@code withAdapter}, the adapter and its resources; values fill the
   * template's @NAME@s.
   *
   * @throws IllegalArgumentException if the result still has an unfilled @NAME@
   */
  public static String render(Map<String, String> values, boolean withAdapter) {
    String resources =
        commands(DOMAIN)
            .lines()
            .filter(line -> !line.contains(EMBEDDED_ADAPTER))
            .collect(Collectors.joining("\n", "", "\n"));
    String text =
        "# Written by the OnAir launcher from onair-domain.asadmin"
            + (withAdapter
                ? ", micro-adapter.asadmin and onair-adapter-resources.asadmin.\n"
                : ".\n")
            + resources
            + (withAdapter ? "\n" + template(ADAPTER) + adapterResources() : "");
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("@" + value.getKey() + "@", value.getValue());
    }
    if (text.matches("(?s).*@[A-Z_]+@.*")) {
      throw new IllegalArgumentException("post-boot template value missing in " + values.keySet());
    }
    return text;
  }

  /**
   * The commands that create the adapter's resources on Micro, for after its deployment: those of
   * {@code onair-adapter-resources.asadmin}, for the standalone adapter. The uber jar runs them as
   * post-deploy commands, since it deploys the adapter only after its post-boot commands.
   */
  public static String adapterResources() {
    return commands(ADAPTER_RESOURCES).replace(EMBEDDED_ADAPTER, STANDALONE_ADAPTER);
  }

  public static Path write(Path file, Map<String, String> values, boolean withAdapter)
      throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, render(values, withAdapter));
  }

  /** A Server command file without its comments, which speak of Payara Server, and blank lines. */
  private static String commands(String name) {
    return template(name)
        .lines()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .collect(Collectors.joining("\n", "", "\n"));
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
