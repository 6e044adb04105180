package io.onair.rtmp.transport;

import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.session.MessageHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.nio.transport.TCPNIOServerConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.ssl.SSLFilter;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;

/**
 * The RTMP listener: a Grizzly TCP NIO transport whose filter chain is Transport -> connection
 * guard -> timeouts (handshake, then idle) -> the RTMP protocol, one {@link
 * io.onair.rtmp.session.RtmpSession} per connection.
 */
public final class RtmpServer {

  private static final Logger LOG = Logger.getLogger(RtmpServer.class.getName());

  private final ListenerSettings settings;
  private final SSLEngineConfigurator tls;
  private final ChunkLimits chunkLimits;
  private final Supplier<MessageHandler> handlers;
  private final ConnectionCounters connections;
  private final ConnectionTimeouts connectionTimeouts;
  private DelayedExecutor timeouts;
  private TCPNIOTransport transport;
  private TCPNIOServerConnection serverConnection;

  /**
   * @param handlers makes the handler of each new connection's commands, data and media
   */
  public RtmpServer(
      ListenerSettings settings, ChunkLimits chunkLimits, Supplier<MessageHandler> handlers) {
    this(settings, null, chunkLimits, handlers);
  }

  /**
   * @param tls the TLS configuration of an RTMPS listener, or null for plain RTMP
   */
  public RtmpServer(
      ListenerSettings settings,
      SSLEngineConfigurator tls,
      ChunkLimits chunkLimits,
      Supplier<MessageHandler> handlers) {
    this.settings = settings;
    this.tls = tls;
    this.chunkLimits = chunkLimits;
    this.handlers = handlers;
    this.connections = new ConnectionCounters(settings.maxConnections());
    this.connectionTimeouts = new ConnectionTimeouts(settings);
  }

  /** Binds the port and starts accepting; fails if the port cannot be bound. */
  public synchronized void start() throws IOException {
    timeouts = IdleTimeoutFilter.createDefaultIdleDelayedExecutor(1, TimeUnit.SECONDS);
    timeouts.start();
    // The guard and the timeouts sit before TLS: a refused connection costs no TLS handshake,
    // and a peer that never completes one is closed by the handshake timeout.
    FilterChainBuilder chain =
        FilterChainBuilder.stateless()
            .add(new TransportFilter())
            .add(new ConnectionGuardFilter(connections))
            .add(new IdleTimeoutFilter(timeouts, connectionTimeouts, connectionTimeouts));
    if (tls != null) {
      chain.add(new SSLFilter(tls, null));
    }
    chain.add(
        new RtmpProtocolFilter(
            chunkLimits, handlers, connectionTimeouts, tls != null ? "rtmps" : "rtmp"));
    transport = TCPNIOTransportBuilder.newInstance().setReuseAddress(true).build();
    transport.setProcessor(chain.build());
    try {
      serverConnection = transport.bind(settings.bindAddress(), settings.port());
      transport.start();
    } catch (IOException e) {
      stop();
      throw e;
    }
  }

  /**
   * Closes the listener and every connection; safe to call more than once. The port is free when
   * this returns, so a redeployed adapter can bind it again at once.
   */
  public synchronized void stop() {
    if (serverConnection != null) {
      try {
        // Grizzly closes on its selector thread, possibly after shutdownNow() has returned;
        // closing the channel here as well frees the port before stop() returns.
        serverConnection.close().get(10, TimeUnit.SECONDS);
        serverConnection.getChannel().close();
      } catch (ExecutionException | TimeoutException | IOException e) {
        LOG.log(Level.WARNING, "RTMP listening socket did not close cleanly", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (transport != null) {
      try {
        transport.shutdownNow();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "RTMP listener did not shut down cleanly", e);
      }
      transport = null;
      serverConnection = null;
    }
    if (timeouts != null) {
      timeouts.stop();
      timeouts.destroy();
      timeouts = null;
    }
  }

  public synchronized boolean isListening() {
    return serverConnection != null && serverConnection.isOpen();
  }

  /** The port actually bound: the configured one, or the system's choice when that was 0. */
  public synchronized int boundPort() {
    if (serverConnection == null) {
      throw new IllegalStateException("not listening");
    }
    return ((InetSocketAddress) serverConnection.getLocalAddress()).getPort();
  }

  public ConnectionCounters connections() {
    return connections;
  }
}
