package io.onair.rtmp.outbound;

import io.onair.rtmp.api.LiveFeedConnection;
import io.onair.rtmp.api.LiveFeedFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;

/**
 * What the application finds in JNDI under the connector resource's name: every connection it gives
 * comes from the application server's {@link ConnectionManager}, so pooling, sharing and reclaiming
 * are the server's. Serializable and Referenceable because the server binds it in JNDI (Connectors
 * 2.1, chapter 6, Connection Management: requirements on a connection factory).
 */
final class LiveFeedConnectionFactory implements LiveFeedFactory, Serializable, Referenceable {

  private static final long serialVersionUID = 1L;

  private final LiveFeedManagedConnectionFactory factory;
  private final ConnectionManager manager;
  private Reference reference;

  LiveFeedConnectionFactory(LiveFeedManagedConnectionFactory factory, ConnectionManager manager) {
    this.factory = factory;
    this.manager = manager;
  }

  @Override
  public LiveFeedConnection getConnection() throws ResourceException {
    return (LiveFeedConnection) manager.allocateConnection(factory, null);
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }

  @Override
  public Reference getReference() {
    return reference;
  }

  @Override
  public String toString() {
    return "OnAir live feed connection factory";
  }
}
