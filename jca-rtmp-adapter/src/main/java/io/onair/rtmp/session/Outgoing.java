package io.onair.rtmp.session;

import io.onair.rtmp.message.RtmpMessage;

/** A message and the chunk stream it goes out on. */
public record Outgoing(RtmpMessage message, int chunkStreamId) {}
