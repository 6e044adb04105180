package io.onair.streaming.domain.channel;

import java.util.regex.Pattern;

/**
 * The name of a channel as it appears in URLs ({@code /live/<name>}, {@code
 * rtmp://host/live/<name>}): lower-case letters, digits and inner hyphens, 2 to 64 characters.
 * URL-safe by construction, so it needs no escaping anywhere it is used.
 */
public record ChannelName(String value) {

  private static final Pattern SYNTAX = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])");

  public ChannelName {
    if (value == null || !SYNTAX.matcher(value).matches()) {
      throw new InvalidChannelNameException(value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
