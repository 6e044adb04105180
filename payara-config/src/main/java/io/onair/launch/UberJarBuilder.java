package io.onair.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the Payara Micro uber jar, {@code onair-micro.jar}: Payara Micro with the adapter, the
 * portal and the PostgreSQL driver inside, the resources of {@code onair-domain.asadmin} run at
 * every boot, and the adapter's own resources once it is deployed. It takes its database from the
 * environment ({@code ONAIR_DB_URL}, {@code ONAIR_DB_USER}, {@code ONAIR_DB_PASSWORD}); the adapter
 * listens on its default ports. Run by the build: {@code UberJarBuilder <distribution directory>
 * <output jar>}.
 */
public final class UberJarBuilder {

  private UberJarBuilder() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: UberJarBuilder <distribution dir> <output jar>");
    }
    Distribution distribution = Distribution.in(Path.of(args[0]));
    Path output = Path.of(args[1]).toAbsolutePath();
    Path script = Files.createTempFile("onair-uber-postboot", ".asadmin");
    Path afterDeploy = Files.createTempFile("onair-uber-postdeploy", ".asadmin");
    try {
      // The adapter is deployed with --deploy, in order before the portal, after these commands;
      // its connector pool can only be made after that.
      Files.writeString(script, PostBootScript.render(Map.of(), false));
      Files.writeString(afterDeploy, PostBootScript.adapterResources());
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar",
              distribution.payaraMicro().toString(),
              "--addlibs",
              distribution.jdbcDriver().toString(),
              "--postbootcommandfile",
              script.toString(),
              "--postdeploycommandfile",
              afterDeploy.toString(),
              "--deploy",
              distribution.adapter().toString(),
              "--deploy",
              distribution.portal().toString(),
              "--outputUberJar",
              output.toString());
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0 || !Files.isRegularFile(output)) {
        throw new IllegalStateException(
            "Payara Micro could not build " + output + " (" + exit + ")");
      }
    } finally {
      Files.deleteIfExists(script);
      Files.deleteIfExists(afterDeploy);
    }
  }
}
