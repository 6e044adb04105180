package io.onair.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The portal as an HTTP client sees it, for the integration tests of both deployment shapes. */
public final class PortalClient {

  /** An HTTP answer. */
  public record Answer(int status, String body) {

    /** The string value of a JSON member, found by name anywhere in the body. */
    public Optional<String> member(String name) {
      Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(body);
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
  }

  private final URI base;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public PortalClient(URI base) {
    this(base, null);
  }

  private PortalClient(URI base, String authorization) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.authorization = authorization;
  }

  /** Creates a channel (as an administrator) and issues its first stream key; returns the key. */
  public String channelWithKey(String channel) throws IOException, InterruptedException {
    Answer created = post("api/channels", "{\"name\":\"" + channel + "\",\"title\":\"T\"}");
    if (created.status() != 201) {
      throw new AssertionError("channel " + channel + " not created: " + created);
    }
    return post("api/channels/" + channel + "/keys", null).member("key").orElseThrow();
  }

  /**
   * Follows a channel's live entry URL ({@code live/<channel>/main.m3u8}) to its current
   * broadcast's presentation, once that answers, and returns the presentation's path relative to
   * the portal ({@code live/<channel>/<id>/}). Fails after 30 s, a guard against a hang.
   */
  public String awaitPresentation(String entry) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<byte[]> answer = fetch(entry);
      if (answer.statusCode() == 302) {
        String target = relative(answer.headers().firstValue("Location").orElseThrow());
        if (fetch(target).statusCode() == 200) {
          return target.substring(0, target.lastIndexOf('/') + 1);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no live presentation at " + entry + " after 30 s");
  }

  /** The UTF-8 text at {@code path}, which must answer 200. */
  public String text(String path) throws IOException, InterruptedException {
    return body(fetch(path));
  }

  /** The text of an answer that must be 200. */
  public static String body(HttpResponse<byte[]> answer) {
    if (answer.statusCode() != 200) {
      throw new AssertionError(answer.uri() + " answered " + answer.statusCode());
    }
    return new String(answer.body(), StandardCharsets.UTF_8);
  }

  /**
   * The text at {@code path} once it contains every one of {@code expected}; fails with the last
   * text after 60 s, a guard against a hang.
   */
  public String awaitText(String path, String... expected)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String text = text(path);
    while (!containsAll(text, expected)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            path + " still lacks one of " + String.join(", ", expected) + " in:\n" + text);
      }
      Thread.sleep(250);
      text = text(path);
    }
    return text;
  }

  private static boolean containsAll(String text, String... expected) {
    for (String e : expected) {
      if (!text.contains(e)) {
        return false;
      }
    }
    return true;
  }

  /** A Location the server sent (an absolute path or URL) relative to the portal's base. */
  public String relative(String location) {
    URI uri = URI.create(location);
    String path = uri.getRawPath();
    if (!path.startsWith(base.getPath())) {
      throw new AssertionError(location + " is outside the portal at " + base);
    }
    String query = uri.getRawQuery();
    return path.substring(base.getPath().length()) + (query == null ? "" : "?" + query);
  }

  /** The same portal, signed in with HTTP Basic. */
  public PortalClient as(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new PortalClient(base, "Basic " + token);
  }

  public Answer get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  /** A GET with extra request headers (name, value, ...), the answer's headers and bytes kept. */
  public HttpResponse<byte[]> fetch(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public Answer post(String path, String json) throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  /** A PUT of plain text, as the ladder endpoint takes it. */
  public Answer putText(String path, String text) throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "text/plain; charset=UTF-8")
            .PUT(HttpRequest.BodyPublishers.ofString(text)));
  }

  public Answer delete(String path) throws IOException, InterruptedException {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  /**
   * Waits until readiness answers 200 with the portal's own check and the home page answers, and
   * returns the readiness answer; fails with the last answer seen after {@code timeout}. The
   * timeout only guards against a hang: nothing here measures speed.
   */
  public Answer awaitReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Answer last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = get("health/ready");
        if (last.status() == 200 && last.body().contains("\"onair\"") && get("").status() == 200) {
          return last;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("portal at " + base + " not ready after " + timeout + ": " + last);
  }
}
