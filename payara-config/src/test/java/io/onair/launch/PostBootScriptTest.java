package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostBootScriptTest {

  private static final Map<String, String> VALUES =
      Map.of(
          "RTMP_PORT", "1935",
          "RTMPS_PORT", "1936",
          "BIND_ADDRESS", "0.0.0.0",
          "KEYSTORE", "/srv/onair/tls/rtmps.p12",
          "RAR", "/opt/onair/deploy/onair-rtmp.rar");

  @Test
  void theAdapterIsConfiguredBeforeItIsDeployed() {
    String script = PostBootScript.render(VALUES, true);
    assertThat(script)
        .contains(
            "create-resource-adapter-config --property"
                + " rtmpPort=1935:rtmpsPort=1936:bindAddress=0.0.0.0"
                + ":keystorePath=/srv/onair/tls/rtmps.p12"
                + ":keystorePassword=${ENV=ONAIR_RTMPS_KEYSTORE_PASSWORD} onair-rtmp")
        .contains("deploy --name onair-rtmp /opt/onair/deploy/onair-rtmp.rar");
    assertThat(script.indexOf("create-resource-adapter-config"))
        .isLessThan(script.indexOf("deploy --name"));
  }

  @Test
  void theEarsAdapterConfigurationIsLeftOutOnMicro() {
    assertThat(PostBootScript.render(VALUES, true)).doesNotContain("onair#onair-rtmp");
  }

  @Test
  void theLiveFeedPoolIsCreatedForTheStandaloneAdapterAfterItsDeployment() {
    String script = PostBootScript.render(VALUES, true);
    String pool =
        "create-connector-connection-pool --raname onair-rtmp"
            + " --connectiondefinition io.onair.rtmp.api.LiveFeedFactory";
    assertThat(script)
        .contains(pool)
        .contains("create-connector-resource --poolname onair-live-pool jca/onair/live");
    assertThat(script.indexOf(pool)).isGreaterThan(script.indexOf("deploy --name onair-rtmp"));
    assertThat(script.indexOf("jca/onair/live")).isGreaterThan(script.indexOf(pool));
  }

  @Test
  void theAdapterResourcesAloneAreWhatTheUberJarRunsAfterDeploying() {
    assertThat(PostBootScript.adapterResources())
        .isEqualTo(
            "create-connector-connection-pool --raname onair-rtmp"
                + " --connectiondefinition io.onair.rtmp.api.LiveFeedFactory --steadypoolsize 0"
                + " --maxpoolsize 256 --maxwait 5000 onair-live-pool\n"
                + "create-connector-resource --poolname onair-live-pool jca/onair/live\n");
  }

  @Test
  void withoutTheAdapterOnlyTheResourcesAreCreated() {
    String script = PostBootScript.render(VALUES, false);
    assertThat(script).contains("create-jdbc-resource --connectionpoolid onair-pool jdbc/onair");
    assertThat(script).doesNotContain("onair-rtmp").doesNotContain("jca/onair/live");
  }

  @Test
  void databaseSecretsComeFromTheEnvironmentNotTheScript() {
    assertThat(PostBootScript.render(VALUES, true))
        .contains("property.password=${ENV=ONAIR_DB_PASSWORD}")
        .contains("property.url=${ENV=ONAIR_DB_URL}");
  }

  @Test
  void aMissingValueIsRefused() {
    assertThatThrownBy(() -> PostBootScript.render(Map.of("RTMP_PORT", "1935"), true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
