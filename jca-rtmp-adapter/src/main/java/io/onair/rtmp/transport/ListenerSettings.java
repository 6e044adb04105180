package io.onair.rtmp.transport;

/**
 * What the listener needs to know: where to bind and how much it accepts.
 *
 * @param bindAddress the local address to bind, {@code 0.0.0.0} for every interface
 * @param port the TCP port; 0 lets the system choose (tests)
 * @param maxConnections connections beyond this are closed as soon as they are accepted
 * @param handshakeTimeoutSeconds how long a new connection may take before it has proved itself
 * @param idleTimeoutSeconds how long an established connection may stay silent
 */
public record ListenerSettings(
    String bindAddress,
    int port,
    int maxConnections,
    int handshakeTimeoutSeconds,
    int idleTimeoutSeconds) {

  /** The same settings for a listener on another port (RTMPS beside RTMP). */
  public ListenerSettings onPort(int otherPort) {
    return new ListenerSettings(
        bindAddress, otherPort, maxConnections, handshakeTimeoutSeconds, idleTimeoutSeconds);
  }
}
