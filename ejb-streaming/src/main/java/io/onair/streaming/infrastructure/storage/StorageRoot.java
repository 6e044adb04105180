package io.onair.streaming.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory segment files are written under: {@code onair.storage.dir} (environment variable
 * {@code ONAIR_STORAGE_DIR}), by default {@code onair/storage} in the server instance's directory.
 */
@ApplicationScoped
public class StorageRoot {

  @Inject
  @ConfigProperty(name = "onair.storage.dir")
  private Optional<String> configured;

  public Path path() {
    return configured
        .filter(dir -> !dir.isBlank())
        .map(Path::of)
        .orElseGet(
            () ->
                Path.of(
                    System.getProperty(
                        "com.sun.aas.instanceRoot", System.getProperty("java.io.tmpdir")),
                    "onair",
                    "storage"))
        .toAbsolutePath();
  }

  /** Empty when a file can be created and deleted under the root, else what went wrong. */
  public Optional<String> writeProblem() {
    Path root = path();
    try {
      Files.createDirectories(root);
      Path probe = Files.createTempFile(root, ".probe", ".tmp");
      Files.delete(probe);
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of(root + " is not writable: " + e);
    }
  }
}
