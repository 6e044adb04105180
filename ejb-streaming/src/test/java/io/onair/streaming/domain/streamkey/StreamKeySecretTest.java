package io.onair.streaming.domain.streamkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamKeySecretTest {

  @Test
  void theHashIsTheHexSha256OfTheKeysUtf8Bytes() {
    // FIPS 180-2 appendix B.1 test vector.
    assertThat(StreamKeySecret.presented("abc").hash())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aGeneratedKeyIsPrefixedUrlSafeAnd256BitsLong() {
    String key = StreamKeySecret.generate().reveal();
    assertThat(key).startsWith("sk_").hasSize(3 + 43).matches("sk_[A-Za-z0-9_-]{43}");
  }

  @Test
  void generatedKeysDoNotRepeat() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      keys.add(StreamKeySecret.generate().reveal());
    }
    assertThat(keys).hasSize(1000);
  }

  @Test
  void theHintAndTheTextShowOnlyTheFirstCharacters() {
    StreamKeySecret secret = StreamKeySecret.presented("sk_ABCDEFGHIJ");
    assertThat(secret.hint()).isEqualTo("sk_ABCD");
    assertThat(secret.toString()).isEqualTo("sk_ABCD…").doesNotContain("EFG");
  }

  @Test
  void aMissingPresentedKeyHashesLikeTheEmptyString() {
    assertThat(StreamKeySecret.presented(null).hash())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
