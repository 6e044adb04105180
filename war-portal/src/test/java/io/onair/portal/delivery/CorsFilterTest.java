package io.onair.portal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsFilterTest {

  private final Map<String, List<String>> headers = new HashMap<>();
  private final List<Integer> status = new ArrayList<>();
  private final List<String> passedOn = new ArrayList<>();

  private final HttpServletResponse response =
      (HttpServletResponse)
          Proxy.newProxyInstance(
              HttpServletResponse.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "setHeader" ->
                      headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                  case "addHeader" ->
                      headers
                          .computeIfAbsent((String) args[0], h -> new ArrayList<>())
                          .add((String) args[1]);
                  case "setStatus" -> status.add((Integer) args[0]);
                  default -> {}
                }
                return null;
              });

  private final FilterChain chain = (request, response) -> passedOn.add("passed");

  private static HttpServletRequest request(String method, String origin) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getHeader" -> "Origin".equals(args[0]) ? origin : null;
                  default -> null;
                });
  }

  @Test
  void aListedOriginMayReadWithCredentialsAndTheRequestGoesOn() throws Exception {
    new CorsFilter("https://intranet.example, https://tv.example:8443")
        .doFilter(request("GET", "https://tv.example:8443"), response, chain);

    assertThat(headers.get("Access-Control-Allow-Origin"))
        .containsExactly("https://tv.example:8443");
    assertThat(headers.get("Access-Control-Allow-Credentials")).containsExactly("true");
    assertThat(headers.get("Vary")).contains("Origin");
    assertThat(passedOn).hasSize(1);
  }

  @Test
  void anOriginNotListedGetsNoCorsHeadersButSameOriginRequestsWorkAsBefore() throws Exception {
    new CorsFilter("https://intranet.example")
        .doFilter(request("GET", "https://evil.example"), response, chain);
    new CorsFilter("").doFilter(request("GET", null), response, chain);

    assertThat(headers).doesNotContainKey("Access-Control-Allow-Origin");
    assertThat(passedOn).hasSize(2);
  }

  @Test
  void preflightsAreAnsweredHereAndOnlyForListedOrigins() throws Exception {
    CorsFilter filter = new CorsFilter("https://intranet.example");
    filter.doFilter(request("OPTIONS", "https://intranet.example"), response, chain);
    assertThat(status).containsExactly(HttpServletResponse.SC_NO_CONTENT);
    assertThat(headers.get("Access-Control-Allow-Headers")).containsExactly("Authorization, Range");

    filter.doFilter(request("OPTIONS", "https://evil.example"), response, chain);
    assertThat(status).endsWith(HttpServletResponse.SC_FORBIDDEN);
    assertThat(passedOn).as("a preflight never reaches the media").isEmpty();
  }

  @Test
  void thereIsNoWildcard() throws Exception {
    new CorsFilter("*").doFilter(request("GET", "https://evil.example"), response, chain);
    assertThat(headers).doesNotContainKey("Access-Control-Allow-Origin");
  }
}
