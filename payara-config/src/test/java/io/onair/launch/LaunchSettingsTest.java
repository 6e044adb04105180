package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

  private static Properties props(String... pairs) {
    Properties p = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      p.setProperty(pairs[i], pairs[i + 1]);
    }
    return p;
  }

  @Test
  void withNothingConfiguredItRunsEmbeddedOnTheDefaultPorts() {
    LaunchSettings s = LaunchSettings.from(new Properties(), Map.of());
    assertThat(s.httpPort()).isEqualTo(8080);
    assertThat(s.rtmpPort()).isEqualTo(1935);
    assertThat(s.rtmpsPort()).isEqualTo(1936);
    assertThat(s.embeddedDatabase()).isTrue();
    assertThat(s.home()).isEqualTo(Path.of("onair-data").toAbsolutePath());
  }

  @Test
  void environmentVariablesUseTheUpperCaseUnderscoreNames() {
    LaunchSettings s =
        LaunchSettings.from(
            new Properties(),
            Map.of(
                "ONAIR_HTTP_PORT", "9090",
                "ONAIR_DB_URL", "jdbc:postgresql://db/onair",
                "ONAIR_HOME", "/srv/onair"));
    assertThat(s.httpPort()).isEqualTo(9090);
    assertThat(s.embeddedDatabase()).isFalse();
    assertThat(s.databaseUrl()).contains("jdbc:postgresql://db/onair");
    assertThat(s.home()).isEqualTo(Path.of("/srv/onair"));
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironment() {
    LaunchSettings s =
        LaunchSettings.from(props("onair.rtmp.port", "1940"), Map.of("ONAIR_RTMP_PORT", "1950"));
    assertThat(s.rtmpPort()).isEqualTo(1940);
  }

  @Test
  void aBlankValueCountsAsUnset() {
    assertThat(
            LaunchSettings.from(new Properties(), Map.of("ONAIR_DB_URL", " ")).embeddedDatabase())
        .isTrue();
  }

  @Test
  void aBadPortIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> LaunchSettings.from(props("onair.http.port", "http"), Map.of()))
        .hasMessage("onair.http.port must be a number, was 'http'");
    assertThatThrownBy(() -> LaunchSettings.from(props("onair.http.port", "0"), Map.of()))
        .hasMessage("onair.http.port must be a TCP port, was 0");
  }
}
