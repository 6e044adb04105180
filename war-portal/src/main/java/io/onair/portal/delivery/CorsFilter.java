package io.onair.portal.delivery;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin access to live and replay media for the web origins an operator lists in {@code
 * onair.cors.origins} (comma-separated, exact {@code scheme://host[:port]}), e.g. an intranet page
 * on another host embedding the player. None by default: the portal's own pages are same-origin.
 * There is no wildcard, because the media needs the viewer's credentials and a wildcard would let
 * any site read it with them.
 *
 * <p>Preflights ({@code OPTIONS}, which carry no credentials) are answered here; web.xml leaves
 * OPTIONS out of the sign-in constraint for these paths.
 */
@WebFilter(
    urlPatterns = {"/live/*", "/replay/*", "/time"},
    asyncSupported = true)
public class CorsFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "onair.cors.origins")
  private Optional<String> configured;

  public CorsFilter() {}

  /** With the origins given (tests). */
  CorsFilter(String origins) {
    this.configured = Optional.of(origins);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    boolean allowed = origin != null && allowedOrigins().contains(origin);
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Access-Control-Allow-Credentials", "true");
      response.setHeader("Access-Control-Expose-Headers", "Content-Length, Content-Range, Date");
    }
    response.addHeader("Vary", "Origin");
    if ("OPTIONS".equals(request.getMethod())) {
      if (allowed) {
        response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Range");
        response.setHeader("Access-Control-Max-Age", "600");
      }
      response.setStatus(
          allowed ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }

  private List<String> allowedOrigins() {
    return configured
        .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()))
        .map(origins -> origins.toList())
        .orElse(List.of());
  }
}
