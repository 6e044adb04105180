package io.onair.streaming.domain.viewertoken;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.domain.streamkey.StreamKeySecret;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ViewerTokenSecretTest {

  @Test
  void aGeneratedTokenIsPrefixedUrlSafeAnd256BitsLong() {
    ViewerTokenSecret token = ViewerTokenSecret.generate();
    assertThat(token.reveal()).matches("vt_[A-Za-z0-9_-]{43}");
    assertThat(token.isWellFormed()).isTrue();
  }

  @Test
  void generatedTokensDoNotRepeat() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      tokens.add(ViewerTokenSecret.generate().reveal());
    }
    assertThat(tokens).hasSize(1000);
  }

  @Test
  void theHashIsTheHexSha256OfTheTokensUtf8Bytes() {
    // FIPS 180-2 appendix B.1 test vector.
    assertThat(ViewerTokenSecret.presented("abc").hash())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "vt_",
        "vt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 42
        "vt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 44
        "vt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", // standard Base64, not URL-safe
        "VT_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        " vt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void otherTextIsNoWellFormedToken(String presented) {
    assertThat(ViewerTokenSecret.presented(presented).isWellFormed()).isFalse();
  }

  @Test
  void aStreamKeyIsNoWellFormedToken() {
    String key = StreamKeySecret.generate().reveal();
    assertThat(ViewerTokenSecret.presented(key).isWellFormed()).isFalse();
  }

  @Test
  void theTextShowsOnlyThePrefix() {
    ViewerTokenSecret token = ViewerTokenSecret.generate();
    assertThat(token.toString()).isEqualTo("vt_…");
  }
}
