package io.onair.rtmp.transport;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeBuilder;
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

  /**
   * Created on first use, when the transport runs: touching Grizzly's attribute builder before
   * Grizzly has initialized breaks its class initialization (IdleTimeoutFilter fails to load).
   */
  private static final class Established {
    static final Attribute<Boolean> ATTRIBUTE =
        AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            ConnectionTimeouts.class.getName() + ".established");
  }

  private final long handshakeMillis;
  private final long idleMillis;

  ConnectionTimeouts(ListenerSettings settings) {
    this.handshakeMillis = TimeUnit.SECONDS.toMillis(settings.handshakeTimeoutSeconds());
    this.idleMillis = TimeUnit.SECONDS.toMillis(settings.idleTimeoutSeconds());
  }

  /**
   * The connection's timeout in milliseconds. Grizzly asks again after every read, so the answer
   * itself must change once the handshake is done (a custom timeout set on the connection would be
   * overwritten by the next read).
   */
  @Override
  public long getTimeout(FilterChainContext ctx) {
    return Established.ATTRIBUTE.isSet(ctx.getConnection()) ? idleMillis : handshakeMillis;
  }

  /** Called when a peer has completed the handshake. */
  void established(Connection<?> connection) {
    Established.ATTRIBUTE.set(connection, Boolean.TRUE);
  }

  @Override
  @SuppressWarnings("rawtypes") // Grizzly's TimeoutHandler declares the raw type
  public void onTimeout(Connection connection) {
    LOG.info(() -> "RTMP connection from " + connection.getPeerAddress() + " closed: timed out");
  }
}
