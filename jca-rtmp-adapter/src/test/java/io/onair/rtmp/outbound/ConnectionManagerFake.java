package io.onair.rtmp.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool as an application server keeps one (Connectors 2.1, chapter 6): it hands out a handle on a
 * free managed connection, or a new one; when the application closes the handle, it cleans the
 * connection up and puts it back. It can also reclaim or destroy what is in use, as a server does
 * at undeployment or when it flushes a pool.
 */
final class ConnectionManagerFake implements ConnectionManager, ConnectionEventListener {

  private static final long serialVersionUID = 1L;

  final List<ManagedConnection> free = new ArrayList<>();
  final List<ManagedConnection> inUse = new ArrayList<>();
  final List<ConnectionEvent> closedEvents = new ArrayList<>();

  @Override
  public synchronized Object allocateConnection(
      ManagedConnectionFactory factory, ConnectionRequestInfo info) throws ResourceException {
    ManagedConnection connection;
    if (free.isEmpty()) {
      connection = factory.createManagedConnection(null, info);
      connection.addConnectionEventListener(this);
    } else {
      connection = free.remove(0);
    }
    inUse.add(connection);
    return connection.getConnection(null, info);
  }

  @Override
  public synchronized void connectionClosed(ConnectionEvent event) {
    closedEvents.add(event);
    ManagedConnection connection = (ManagedConnection) event.getSource();
    try {
      connection.cleanup();
    } catch (ResourceException e) {
      throw new IllegalStateException(e);
    }
    inUse.remove(connection);
    free.add(connection);
  }

  /** Takes every connection in use back, handles and all, without waiting for the application. */
  synchronized void reclaimAll() throws ResourceException {
    for (ManagedConnection connection : inUse) {
      connection.cleanup();
      free.add(connection);
    }
    inUse.clear();
  }

  synchronized void destroyAll() throws ResourceException {
    for (ManagedConnection connection : inUse) {
      connection.destroy();
    }
    for (ManagedConnection connection : free) {
      connection.destroy();
    }
    inUse.clear();
    free.clear();
  }

  @Override
  public void localTransactionStarted(ConnectionEvent event) {}

  @Override
  public void localTransactionCommitted(ConnectionEvent event) {}

  @Override
  public void localTransactionRolledback(ConnectionEvent event) {}

  @Override
  public void connectionErrorOccurred(ConnectionEvent event) {}
}
