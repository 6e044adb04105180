package io.onair.rtmp.transport;

import java.io.IOException;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeBuilder;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/**
 * Admits a connection only while fewer than the configured maximum are open; a connection over the
 * limit is closed at once with one log line naming the peer, and the others carry on.
 */
final class ConnectionGuardFilter extends BaseFilter {

  private static final Logger LOG = Logger.getLogger(ConnectionGuardFilter.class.getName());

  private static final Attribute<Boolean> COUNTED =
      AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
          ConnectionGuardFilter.class.getName() + ".counted");

  private final ConnectionCounters counters;

  ConnectionGuardFilter(ConnectionCounters counters) {
    this.counters = counters;
  }

  @Override
  public NextAction handleAccept(FilterChainContext ctx) throws IOException {
    Connection<?> connection = ctx.getConnection();
    if (!counters.tryOpen()) {
      LOG.warning(
          () ->
              "RTMP connection from "
                  + connection.getPeerAddress()
                  + " refused: connection limit reached");
      connection.closeSilently();
      return ctx.getStopAction();
    }
    COUNTED.set(connection, Boolean.TRUE);
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleClose(FilterChainContext ctx) throws IOException {
    if (COUNTED.remove(ctx.getConnection()) != null) {
      counters.closed();
    }
    return ctx.getInvokeAction();
  }
}
