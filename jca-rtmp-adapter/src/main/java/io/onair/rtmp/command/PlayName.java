package io.onair.rtmp.command;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a player asks for: {@code <channel>?token=<viewer token>}, the play name of {@code
 * rtmp://host/live/<channel>?token=...}. ffmpeg and librtmp keep the query in the play name; some
 * players put it on the connect URL instead, which {@link #token(String)} reads too.
 *
 * @param channel the name before any query, never null
 * @param token the {@code token} query parameter, when there is one
 */
record PlayName(String channel, Optional<String> token) {

  static PlayName parse(String name) {
    int query = name.indexOf('?');
    return query < 0
        ? new PlayName(name, Optional.empty())
        : new PlayName(name.substring(0, query), token(name));
  }

  /** The {@code token} parameter of the query in {@code url}, percent-decoded; empty if none. */
  static Optional<String> token(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return Optional.empty();
    }
    for (String parameter : url.substring(query + 1).split("&")) {
      if (parameter.startsWith("token=")) {
        try {
          return Optional.of(URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
