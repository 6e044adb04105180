package io.onair.rtmp.adapter;

import io.onair.rtmp.api.RtmpListener;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One call on a message-driven endpoint, run by the WorkManager: create an endpoint instance, make
 * the call, release the instance, and hand the outcome to the waiting future.
 */
final class ListenerWork<T> implements Work {

  private final MessageEndpointFactory factory;
  private final Function<RtmpListener, T> call;
  private final CompletableFuture<T> result;

  ListenerWork(
      MessageEndpointFactory factory, Function<RtmpListener, T> call, CompletableFuture<T> result) {
    this.factory = factory;
    this.call = call;
    this.result = result;
  }

  @Override
  public void run() {
    MessageEndpoint endpoint = null;
    try {
      // No XAResource: the adapter has no transaction to import; the bean's own
      // container-managed transaction covers its work.
      endpoint = factory.createEndpoint(null);
      result.complete(call.apply((RtmpListener) endpoint));
    } catch (Exception | Error e) {
      result.completeExceptionally(e);
    } finally {
      if (endpoint != null) {
        endpoint.release();
      }
    }
  }

  /** The call is short; there is nothing to interrupt when the WorkManager shuts down. */
  @Override
  public void release() {}
}
