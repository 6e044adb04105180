package io.onair.rtmp.transport;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;

/**
 * The timeouts of a connection: every connection starts under the handshake timeout, which is
 * short, because a peer that has not completed the RTMP handshake has proved nothing; once the
 * handshake completes the connection moves to the idle timeout.
 */
final class ConnectionTimeouts
    implements IdleTimeoutFilter.TimeoutResolver, IdleTimeoutFilter.TimeoutHandler {

  private static final Logger LOG = Logger.getLogger(ConnectionTimeouts.class.getName());

  private final long handshakeMillis;
  private final long idleSeconds;

  ConnectionTimeouts(ListenerSettings settings) {
    this.handshakeMillis = TimeUnit.SECONDS.toMillis(settings.handshakeTimeoutSeconds());
    this.idleSeconds = settings.idleTimeoutSeconds();
  }

  /** The timeout a newly accepted connection gets, in milliseconds. */
  @Override
  public long getTimeout(FilterChainContext ctx) {
    return handshakeMillis;
  }

  /** Called by the handshake layer when a peer has completed the handshake. */
  void established(Connection<?> connection) {
    IdleTimeoutFilter.setCustomTimeout(connection, idleSeconds, TimeUnit.SECONDS);
  }

  @Override
  @SuppressWarnings("rawtypes") // Grizzly's TimeoutHandler declares the raw type
  public void onTimeout(Connection connection) {
    LOG.info(() -> "RTMP connection from " + connection.getPeerAddress() + " closed: timed out");
  }
}
