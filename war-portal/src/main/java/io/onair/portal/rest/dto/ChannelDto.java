package io.onair.portal.rest.dto;

import io.onair.streaming.application.ChannelView;
import java.time.Instant;

public record ChannelDto(
    String name, String title, boolean enabled, boolean live, Instant createdAt) {

  public static ChannelDto of(ChannelView view) {
    return new ChannelDto(view.name(), view.title(), view.enabled(), view.live(), view.createdAt());
  }
}
