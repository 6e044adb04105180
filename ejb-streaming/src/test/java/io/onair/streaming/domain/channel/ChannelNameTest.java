package io.onair.streaming.domain.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"town-hall", "ab", "q3-results-2026", "0a"})
  void urlSafeLowerCaseNamesAreAccepted(String name) {
    assertThat(new ChannelName(name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "a",
        "Town",
        "-lead",
        "trail-",
        "with space",
        "sla/sh",
        "dot.s",
        "ü-umlaut",
        "a12345678901234567890123456789012345678901234567890123456789012345"
      })
  void otherNamesAreRefusedNamingTheValue(String name) {
    assertThatThrownBy(() -> new ChannelName(name))
        .isInstanceOf(InvalidChannelNameException.class)
        .hasMessageContaining(name == null ? "null" : "'" + name + "'");
  }
}
