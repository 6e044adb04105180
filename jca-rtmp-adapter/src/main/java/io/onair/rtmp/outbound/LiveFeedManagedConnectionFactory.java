package io.onair.rtmp.outbound;

import io.onair.rtmp.live.LiveHub;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The managed connection factory of the live feeds, declared in ra.xml as the adapter's one
 * connection definition (interface {@link io.onair.rtmp.api.LiveFeedFactory}). A connection here is
 * no socket: it is a consumer's place on the adapter's {@link LiveHub}, which the factory reaches
 * through the resource adapter it is associated with.
 *
 * <p>It has no configuration properties and no security: every managed connection it makes is like
 * every other, so any one matches any request.
 */
public class LiveFeedManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation {

  private static final long serialVersionUID = 1L;

  /**
   * Transient: the adapter is a live object of this server, not configuration; the server
   * associates it again after any deserialization (Connectors 2.1, chapter 5, Lifecycle Management:
   * the association is made once, before the factory is used).
   */
  private transient ResourceAdapter adapter;

  private transient PrintWriter logWriter;

  /** The adapter's public no-argument constructor, for the server to make it as a JavaBean. */
  public LiveFeedManagedConnectionFactory() {}

  @Override
  public Object createConnectionFactory(ConnectionManager manager) {
    return new LiveFeedConnectionFactory(this, manager);
  }

  /**
   * Refused: the non-managed case (an application using the adapter without a server) cannot arise,
   * since the hub exists only inside a started adapter, which only a server starts.
   */
  @Override
  public Object createConnectionFactory() throws ResourceException {
    throw new NotSupportedException(
        "OnAir live feeds need the application server's connection manager");
  }

  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    return new LiveFeedManagedConnection(this, hub());
  }

  /**
   * Any connection of this factory will do: none carries a user or a setting of its own. The server
   * only asks when its pool is told to match connections.
   */
  @Override
  @SuppressWarnings("rawtypes")
  public ManagedConnection matchManagedConnections(
      Set candidates, Subject subject, ConnectionRequestInfo info) {
    for (Object candidate : candidates) {
      if (candidate instanceof LiveFeedManagedConnection connection
          && connection.factory().equals(this)
          && connection.isUsable()) {
        return connection;
      }
    }
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return adapter;
  }

  /**
   * Associates the factory with the adapter whose hub it serves. The server calls it once, before
   * any connection is asked for.
   *
   * @throws ResourceException when {@code adapter} is not OnAir's RTMP adapter
   */
  @Override
  public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
    if (!(adapter instanceof LiveHubOwner)) {
      throw new ResourceAdapterInternalException(
          "OnAir live feeds need the OnAir RTMP adapter, not "
              + (adapter == null ? "null" : adapter.getClass().getName()));
    }
    this.adapter = adapter;
  }

  /**
   * Equal when the same adapter would make the same connections. With no configuration properties,
   * that is: associated with the same adapter instance (adapters keep Object's identity equality).
   * The application server keys its pools on this (Connectors 2.1, chapter 6, Connection
   * Management: the factory must implement equals and hashCode).
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof LiveFeedManagedConnectionFactory factory && factory.adapter == adapter;
  }

  /**
   * The same for every instance: consistent with {@link #equals}, and unchanged by the association,
   * which comes after the server may have put the factory in a hash table.
   */
  @Override
  public int hashCode() {
    return LiveFeedManagedConnectionFactory.class.getName().hashCode();
  }

  private LiveHub hub() throws ResourceException {
    if (adapter == null) {
      throw new ResourceAdapterInternalException(
          "no resource adapter is associated with the live feed connection factory");
    }
    return ((LiveHubOwner) adapter)
        .liveHub()
        .orElseThrow(
            () -> new ResourceAdapterInternalException("the OnAir RTMP adapter is not running"));
  }
}
