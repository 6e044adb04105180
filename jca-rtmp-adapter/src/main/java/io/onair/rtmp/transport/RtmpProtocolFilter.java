package io.onair.rtmp.transport;

import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.handshake.ServerHandshake;
import io.onair.rtmp.protocol.ProtocolException;
import io.onair.rtmp.session.MessageHandler;
import io.onair.rtmp.session.Outbound;
import io.onair.rtmp.session.RtmpSession;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeBuilder;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.BuffersBuffer;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Adapts Grizzly to {@link RtmpSession}: one session per connection, fed with what each read
 * brought; its output written back through the filter chain (so TLS applies to it on RTMPS). A
 * protocol error closes that connection with one log line naming the peer; others carry on.
 */
final class RtmpProtocolFilter extends BaseFilter {

  private static final Logger LOG = Logger.getLogger(RtmpProtocolFilter.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The per-connection state, in one typed attribute. */
  private record State(RtmpSession session, InputAccumulator input) {}

  private static final Attribute<State> STATE =
      AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
          RtmpProtocolFilter.class.getName() + ".state");

  private final ChunkLimits limits;
  private final Supplier<MessageHandler> handlers;
  private final ConnectionTimeouts timeouts;
  private final String scheme;
  private final AtomicLong ids = new AtomicLong();

  RtmpProtocolFilter(
      ChunkLimits limits,
      Supplier<MessageHandler> handlers,
      ConnectionTimeouts timeouts,
      String scheme) {
    this.limits = limits;
    this.handlers = handlers;
    this.timeouts = timeouts;
    this.scheme = scheme;
  }

  @Override
  public NextAction handleAccept(FilterChainContext ctx) throws IOException {
    Connection<?> connection = ctx.getConnection();
    String id = scheme + "-" + ids.incrementAndGet();
    RtmpSession session =
        new RtmpSession(
            id,
            String.valueOf(connection.getPeerAddress()),
            new ServerHandshake(RANDOM, InstantSource.system()),
            limits,
            new ConnectionOutbound(connection),
            handlers.get());
    STATE.set(connection, new State(session, new InputAccumulator()));
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    Connection<?> connection = ctx.getConnection();
    State state = STATE.get(connection);
    Buffer read = ctx.getMessage();
    if (state == null || state.session().isClosed()) {
      read.tryDispose();
      return ctx.getStopAction();
    }
    boolean wasShaking = !state.session().handshakeDone();
    ByteBuffer input = state.input().append(read.toByteBuffer());
    try {
      state.session().receive(input);
      state.input().keep(input);
    } catch (ProtocolException e) {
      LOG.warning(
          () ->
              "RTMP connection from " + connection.getPeerAddress() + " closed: " + e.getMessage());
      state.session().close();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "RTMP connection from " + connection.getPeerAddress() + " failed", e);
      state.session().close();
    } finally {
      read.tryDispose();
    }
    if (wasShaking && state.session().handshakeDone()) {
      timeouts.established(connection);
    }
    return ctx.getStopAction();
  }

  @Override
  public NextAction handleClose(FilterChainContext ctx) throws IOException {
    State state = STATE.remove(ctx.getConnection());
    if (state != null) {
      state.session().close();
    }
    return ctx.getInvokeAction();
  }

  /** Writes through the connection's filter chain; Grizzly queues what the socket cannot take. */
  private record ConnectionOutbound(Connection<?> connection) implements Outbound {
    @Override
    public void send(ByteBuffer bytes) {
      connection.write(Buffers.wrap(connection.getMemoryManager(), bytes));
    }

    @Override
    public void send(List<ByteBuffer> bytes, Runnable written) {
      MemoryManager<?> memory = connection.getMemoryManager();
      Buffer[] parts = new Buffer[bytes.size()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = Buffers.wrap(memory, bytes.get(i));
      }
      Buffer all = parts.length == 1 ? parts[0] : BuffersBuffer.create(memory, parts);
      @SuppressWarnings("unchecked") // a TCP connection's peer address is a SocketAddress
      Connection<SocketAddress> tcp = (Connection<SocketAddress>) connection;
      tcp.write(
          all,
          new EmptyCompletionHandler<WriteResult<Buffer, SocketAddress>>() {
            @Override
            public void completed(WriteResult<Buffer, SocketAddress> result) {
              written.run();
            }
          });
    }

    @Override
    public void close() {
      connection.close();
    }
  }
}
