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

  /**
   * Releases the endpoint before completing the future, so that whoever waits on the answer can
   * count on the bean instance being back in its pool.
   */
  @Override
  public void run() {
    T answer = null;
    Throwable failure = null;
    MessageEndpoint endpoint = null;
    try {
      // No XAResource: the adapter has no transaction to import; the bean's own
      // container-managed transaction covers its work.
      endpoint = factory.createEndpoint(null);
      answer = call.apply((RtmpListener) endpoint);
    } catch (Exception | Error e) {
      failure = e;
    } finally {
      if (endpoint != null) {
        endpoint.release();
      }
    }
    if (failure != null) {
      result.completeExceptionally(failure);
    } else {
      result.complete(answer);
    }
  }

  /** The call is short; there is nothing to interrupt when the WorkManager shuts down. */
  @Override
  public void release() {}
}
