package io.onair.rtmp.api;

/**
 * The adapter's management view, registered on the platform MBean server under {@link #OBJECT_NAME}
 * while the adapter is deployed. Operators read it with any JMX client; the portal's readiness
 * check reads it by name, so a portal deployed without the adapter is seen as not ready.
 */
public interface RtmpAdapterMXBean {

  /** The JMX name the adapter registers under. */
  String OBJECT_NAME = "io.onair:type=RtmpAdapter";

  /** True once the RTMP listener is bound and accepting connections. */
  boolean isListening();

  /** The TCP port of the plain RTMP listener. */
  int getRtmpPort();

  /** How many message-driven endpoints the application server has activated on the adapter. */
  int getActivatedEndpoints();

  /** Connections open right now. */
  int getOpenConnections();

  /** Connections accepted since the adapter started. */
  long getAcceptedConnections();

  /** Connections closed at once because the connection limit was reached. */
  long getRefusedConnections();

  /** Connections publishing right now. */
  int getLivePublishers();

  /** The channels live on this server right now, by name. */
  String[] getLiveChannels();

  /** RTMP players of all live channels right now. */
  int getLivePlayers();

  /**
   * Stops a broadcast: closes the connection publishing it, whose end is then recorded as for any
   * other disconnect. What an administrator calls, and what revoking the broadcast's key does.
   *
   * @return false if no connection publishes that broadcast on this server
   */
  boolean disconnectBroadcast(long broadcastId);
}
