package io.onair.rtmp.adapter;

import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.transport.ListenerSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The adapter's configuration as one immutable value, checked as a whole before anything is bound.
 * Each field is a config property of {@link RtmpResourceAdapter}; the ranges are what a server can
 * safely honour, not what the RTMP specification allows (it allows 2^31-byte chunks).
 */
record AdapterSettings(
    String bindAddress,
    int rtmpPort,
    int rtmpsPort,
    String keystorePath,
    int maxConnections,
    int handshakeTimeoutSeconds,
    int idleTimeoutSeconds,
    int maxChunkSize,
    int maxMessageSize,
    int maxChunkStreams,
    int maxAmfDepth,
    int maxAmfStringLength) {

  /**
   * Every problem with these settings, each naming the property and its value; empty when valid.
   */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (bindAddress == null || bindAddress.isBlank()) {
      problems.add("bindAddress must not be blank");
    }
    port("rtmpPort", rtmpPort, problems);
    if (rtmpsPort != 0) {
      port("rtmpsPort", rtmpsPort, problems);
      if (rtmpsPort == rtmpPort) {
        problems.add("rtmpsPort must differ from rtmpPort, both are " + rtmpPort);
      }
    }
    range("maxConnections", maxConnections, 1, 1_000_000, problems);
    range("handshakeTimeoutSeconds", handshakeTimeoutSeconds, 1, 600, problems);
    range("idleTimeoutSeconds", idleTimeoutSeconds, 1, 3600, problems);
    // RTMP 1.0 5.4.1: chunk sizes are 1..2^31-1; anything above a few MiB only serves to make us
    // allocate big buffers for a peer.
    range("maxChunkSize", maxChunkSize, 128, 16 * 1024 * 1024, problems);
    range("maxMessageSize", maxMessageSize, 1024, 64 * 1024 * 1024, problems);
    range("maxChunkStreams", maxChunkStreams, 2, 65_599, problems);
    range("maxAmfDepth", maxAmfDepth, 1, 1024, problems);
    range("maxAmfStringLength", maxAmfStringLength, 16, 16 * 1024 * 1024, problems);
    return problems;
  }

  ChunkLimits chunkLimits() {
    return new ChunkLimits(maxChunkSize, maxMessageSize, maxChunkStreams);
  }

  ListenerSettings listener() {
    return new ListenerSettings(
        bindAddress, rtmpPort, maxConnections, handshakeTimeoutSeconds, idleTimeoutSeconds);
  }

  private static void port(String name, int value, List<String> problems) {
    range(name, value, 1, 65_535, problems);
  }

  private static void range(String name, int value, int min, int max, List<String> problems) {
    if (value < min || value > max) {
      problems.add(name + " must be in [" + min + ", " + max + "], was " + value);
    }
  }
}
