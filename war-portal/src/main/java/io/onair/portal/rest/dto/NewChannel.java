package io.onair.portal.rest.dto;

/** The body of {@code POST /api/channels}. */
public record NewChannel(String name, String title) {}
