package io.onair.portal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ManifestResponseTest {

  /** A request whose only header is Accept-Encoding. */
  private static HttpServletRequest accepting(String encodings) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                method.getName().equals("getHeader") && "Accept-Encoding".equals(args[0])
                    ? encodings
                    : null);
  }

  @Test
  void gzipIsSentToClientsListingItOrAnyCodingWithAWeightAboveZero() {
    assertThat(ManifestResponse.acceptsGzip(accepting("gzip, deflate, br"))).isTrue();
    assertThat(ManifestResponse.acceptsGzip(accepting("br;q=1.0, GZIP;q=0.5"))).isTrue();
    assertThat(ManifestResponse.acceptsGzip(accepting("*"))).isTrue();
    assertThat(ManifestResponse.acceptsGzip(accepting("x-gzip"))).isTrue();
  }

  @Test
  void noGzipWithoutTheHeaderForOtherCodingsOrWhenRefusedWithWeightZero() {
    assertThat(ManifestResponse.acceptsGzip(accepting(null))).isFalse();
    assertThat(ManifestResponse.acceptsGzip(accepting("identity"))).isFalse();
    assertThat(ManifestResponse.acceptsGzip(accepting("br, deflate"))).isFalse();
    assertThat(ManifestResponse.acceptsGzip(accepting("gzip;q=0"))).isFalse();
    assertThat(ManifestResponse.acceptsGzip(accepting("gzip; q=0.000"))).isFalse();
  }
}
