package io.onair.rtmp.outbound;

import io.onair.rtmp.live.LiveHub;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled place on the live hub, and the handles the application holds on it (Connectors 2.1,
 * chapter 6, Connection Management). The server may give one managed connection several handles at
 * once (connection sharing) and move a handle to another ({@link #associateConnection}); the feeds
 * belong to the handle that subscribed them, so they follow it.
 *
 * <p>When the server takes the connection back, {@link #cleanup()} cancels the feeds of every
 * handle still on it, so a consumer that forgot to close cannot keep a subscription, and its queue,
 * alive in the pool. No transactions: the hub has nothing to commit (chapter 7, Transaction
 * Management, level NoTransaction).
 */
final class LiveFeedManagedConnection implements ManagedConnection {

  private final LiveFeedManagedConnectionFactory factory;
  private final LiveHub hub;
  private final Set<LiveFeedConnectionHandle> handles = ConcurrentHashMap.newKeySet();
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean destroyed;
  private PrintWriter logWriter;

  LiveFeedManagedConnection(LiveFeedManagedConnectionFactory factory, LiveHub hub) {
    this.factory = factory;
    this.hub = hub;
  }

  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    requireUsable();
    LiveFeedConnectionHandle handle = new LiveFeedConnectionHandle(this);
    handles.add(handle);
    return handle;
  }

  /** Moves a handle here from the managed connection it was on; its feeds come with it. */
  @Override
  public void associateConnection(Object connection) throws ResourceException {
    requireUsable();
    if (!(connection instanceof LiveFeedConnectionHandle handle)) {
      throw new IllegalStateException(
          "not a live feed connection: "
              + (connection == null ? "null" : connection.getClass().getName()));
    }
    handle.moveTo(this);
  }

  /**
   * Makes the connection fit for the next application: every handle still on it is closed without
   * an event (the server is the one asking) and its feeds are cancelled.
   */
  @Override
  public void cleanup() {
    for (LiveFeedConnectionHandle handle : handles) {
      handle.invalidate();
    }
    handles.clear();
  }

  /** Ends the connection for good, cancelling any feed still on it. */
  @Override
  public void destroy() {
    destroyed = true;
    cleanup();
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public XAResource getXAResource() throws ResourceException {
    throw new NotSupportedException("live feeds take no part in transactions");
  }

  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    throw new NotSupportedException("live feeds take no part in transactions");
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new ManagedConnectionMetaData() {
      @Override
      public String getEISProductName() {
        return "OnAir RTMP live hub";
      }

      @Override
      public String getEISProductVersion() {
        return "1.0";
      }

      /** 0: the hub sets no limit of its own; the pool's maximum size is the limit. */
      @Override
      public int getMaxConnections() {
        return 0;
      }

      @Override
      public String getUserName() {
        return "";
      }
    };
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  LiveFeedManagedConnectionFactory factory() {
    return factory;
  }

  LiveHub hub() {
    return hub;
  }

  boolean isUsable() {
    return !destroyed;
  }

  /** How many handles are on this connection; for the tests of sharing and cleanup. */
  int handles() {
    return handles.size();
  }

  void attach(LiveFeedConnectionHandle handle) {
    handles.add(handle);
  }

  void detach(LiveFeedConnectionHandle handle) {
    handles.remove(handle);
  }

  /**
   * The application closed a handle: the server learns it through CONNECTION_CLOSED and puts this
   * connection back in its pool once no handle is left on it.
   */
  void closed(LiveFeedConnectionHandle handle) {
    handles.remove(handle);
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
    event.setConnectionHandle(handle);
    for (ConnectionEventListener listener : listeners) {
      listener.connectionClosed(event);
    }
  }

  private void requireUsable() throws IllegalStateException {
    if (destroyed) {
      throw new IllegalStateException("this live feed connection was destroyed");
    }
  }
}
