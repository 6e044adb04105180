package io.onair.streaming.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerSecretTest {

  @Test
  void theHashIsTheHexSha256OfTheUtf8Bytes() {
    // FIPS 180-2 appendix B.1 test vector.
    assertThat(BearerSecret.presented("abc").hash())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // Non-ASCII input hashes its UTF-8 bytes (c3 a9), not a platform charset's.
    assertThat(BearerSecret.presented("\u00e9").hash())
        .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  }

  @Test
  void aGeneratedSecretIsThePrefixAnd256UrlSafeBits() {
    assertThat(BearerSecret.generate("xy_").reveal()).matches("xy_[A-Za-z0-9_-]{43}");
  }

  @Test
  void theLeadingCharactersStopAtTheEnd() {
    assertThat(BearerSecret.presented("sk_ABCDEFG").leading(7)).isEqualTo("sk_ABCD");
    assertThat(BearerSecret.presented("sk").leading(7)).isEqualTo("sk");
  }

  @Test
  void itsTextNeverShowsTheSecret() {
    BearerSecret secret = BearerSecret.generate("vt_");
    assertThat(secret.toString()).doesNotContain(secret.reveal().substring(3));
  }
}
