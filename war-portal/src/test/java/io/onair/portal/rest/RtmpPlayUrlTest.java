package io.onair.portal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtmpPlayUrlTest {

  private static final String TOKEN = "vt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  @Test
  void theDefaultPortIsLeftOut() {
    assertThat(new RtmpPlayUrl("onair.corp", 1935).template(TOKEN))
        .isEqualTo("rtmp://onair.corp/live/{channel}?token=" + TOKEN);
  }

  @Test
  void anyOtherPortIsNamed() {
    assertThat(new RtmpPlayUrl("onair.corp", 21935).template(TOKEN))
        .isEqualTo("rtmp://onair.corp:21935/live/{channel}?token=" + TOKEN);
  }

  @Test
  void anIpv6AddressIsBracketedOnce() {
    assertThat(new RtmpPlayUrl("::1", 1935).template(TOKEN)).startsWith("rtmp://[::1]/live/");
    assertThat(new RtmpPlayUrl("[::1]", 1936).template(TOKEN)).startsWith("rtmp://[::1]:1936/");
  }

  @Test
  void withoutTheAdapterTheDefaultPortIsAssumed() {
    // No adapter registers its MXBean in a unit test's JVM.
    assertThat(RtmpPlayUrl.at("onair.corp")).isEqualTo(new RtmpPlayUrl("onair.corp", 1935));
  }
}
