package io.onair.streaming.application;

import io.onair.streaming.domain.channel.Channel;
import java.time.Instant;

/** A channel as callers outside the EJB layer see it: plain values, no entity. */
public record ChannelView(
    String name, String title, boolean enabled, boolean live, Instant createdAt) {

  static ChannelView of(Channel channel, boolean live) {
    return new ChannelView(
        channel.name().value(), channel.title(), channel.isEnabled(), live, channel.createdAt());
  }
}
