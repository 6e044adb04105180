package io.onair.rtmp.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdapterSettingsTest {

  private static AdapterSettings defaults() {
    return new RtmpResourceAdapter().settings();
  }

  @Test
  void theDefaultsAreValid() {
    assertThat(defaults().problems()).isEmpty();
  }

  @Test
  void aPortOutOfRangeIsNamedWithItsValue() {
    RtmpResourceAdapter adapter = new RtmpResourceAdapter();
    adapter.setRtmpPort(70_000);
    assertThat(adapter.settings().problems())
        .containsExactly("rtmpPort must be in [1, 65535], was 70000");
  }

  @Test
  void rtmpsOnTheRtmpPortIsRefused() {
    RtmpResourceAdapter adapter = new RtmpResourceAdapter();
    adapter.setRtmpsPort(1935);
    assertThat(adapter.settings().problems()).anyMatch(p -> p.startsWith("rtmpsPort must differ"));
  }

  @Test
  void rtmpsPortZeroTurnsRtmpsOff() {
    RtmpResourceAdapter adapter = new RtmpResourceAdapter();
    adapter.setRtmpsPort(0);
    assertThat(adapter.settings().problems()).isEmpty();
  }

  @Test
  void everyBadLimitIsReportedAtOnce() {
    RtmpResourceAdapter adapter = new RtmpResourceAdapter();
    adapter.setMaxChunkSize(64);
    adapter.setMaxAmfDepth(0);
    adapter.setMaxConnections(0);
    adapter.setBindAddress(" ");
    assertThat(adapter.settings().problems())
        .containsExactlyInAnyOrder(
            "bindAddress must not be blank",
            "maxConnections must be in [1, 1000000], was 0",
            "maxChunkSize must be in [128, 16777216], was 64",
            "maxAmfDepth must be in [1, 1024], was 0");
  }
}
