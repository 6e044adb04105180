package io.onair.rtmp.adapter;

import io.onair.rtmp.api.PlayDecision;
import io.onair.rtmp.api.PlayDenial;
import io.onair.rtmp.api.PlayRequest;
import io.onair.rtmp.api.PublishDecision;
import io.onair.rtmp.api.PublishEnded;
import io.onair.rtmp.api.PublishRequest;
import io.onair.rtmp.api.RefusalReason;
import io.onair.rtmp.api.RtmpListener;
import io.onair.rtmp.command.PlayGate;
import io.onair.rtmp.command.PublishGate;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends control decisions to the activated {@link RtmpListener} endpoints. Each call becomes a
 * {@link ListenerWork} scheduled on the WorkManager, so the network thread that asked never waits
 * for a database and never runs container code; the answer comes back as a future.
 */
final class ListenerDispatcher implements PublishGate, PlayGate {

  private static final Logger LOG = Logger.getLogger(ListenerDispatcher.class.getName());

  private final EndpointActivations activations;
  private final WorkManager workManager;
  private final CallLimit limit;

  ListenerDispatcher(EndpointActivations activations, WorkManager workManager) {
    this(
        activations,
        workManager,
        new CallLimit(CallLimit.DEFAULT_CONCURRENT, CallLimit.DEFAULT_WAITING));
  }

  ListenerDispatcher(EndpointActivations activations, WorkManager workManager, CallLimit limit) {
    this.activations = activations;
    this.workManager = workManager;
    this.limit = limit;
  }

  /**
   * Asks the endpoint of the request's application whether it may publish. With no endpoint, or
   * when the endpoint fails, the answer is a refusal: nothing is ever published undecided.
   */
  CompletableFuture<PublishDecision> publish(PublishRequest request) {
    Optional<EndpointActivations.Activation> activation =
        activations.forApplication(request.application());
    if (activation.isEmpty()) {
      LOG.warning(() -> "No endpoint decides for RTMP application " + request.application());
      return CompletableFuture.completedFuture(PublishDecision.refuse(RefusalReason.UNAVAILABLE));
    }
    return submit(activation.get(), listener -> listener.onPublish(request))
        .exceptionally(
            failure -> {
              LOG.log(Level.WARNING, failure, () -> "Publish decision failed for " + request);
              return PublishDecision.refuse(RefusalReason.UNAVAILABLE);
            });
  }

  @Override
  public CompletionStage<PublishDecision> decide(PublishRequest request) {
    return publish(request);
  }

  /**
   * Asks the endpoint of the request's application whether it may play. With no endpoint, or when
   * the endpoint fails, the answer is a denial: nobody watches undecided.
   */
  @Override
  public CompletionStage<PlayDecision> decide(PlayRequest request) {
    Optional<EndpointActivations.Activation> activation =
        activations.forApplication(request.application());
    if (activation.isEmpty()) {
      LOG.warning(() -> "No endpoint decides for RTMP application " + request.application());
      return CompletableFuture.completedFuture(PlayDecision.deny(PlayDenial.UNAVAILABLE));
    }
    return submit(activation.get(), listener -> listener.onPlay(request))
        .exceptionally(
            failure -> {
              LOG.log(Level.WARNING, failure, () -> "Play decision failed for " + request);
              return PlayDecision.deny(PlayDenial.UNAVAILABLE);
            });
  }

  @Override
  public void ended(String application, PublishEnded event) {
    publishEnded(application, event)
        .exceptionally(
            failure -> {
              LOG.log(Level.WARNING, failure, () -> "Could not report the end of " + event);
              return null;
            });
  }

  /** Tells the endpoint of an application that a publish ended. */
  CompletableFuture<Void> publishEnded(String application, PublishEnded event) {
    return activations
        .forApplication(application)
        .map(a -> submit(a, listener -> notifyEnded(listener, event)))
        .orElseGet(() -> CompletableFuture.completedFuture(null));
  }

  private static Void notifyEnded(RtmpListener listener, PublishEnded event) {
    listener.onPublishEnded(event);
    return null;
  }

  private <T> CompletableFuture<T> submit(
      EndpointActivations.Activation activation, Function<RtmpListener, T> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    boolean admitted =
        limit.submit(
            () -> {
              result.whenComplete((answer, failure) -> limit.done());
              schedule(new ListenerWork<>(activation.factory(), call, result), result);
            });
    if (!admitted) {
      result.completeExceptionally(
          new WorkRejectedException("too many listener calls are waiting already"));
    }
    return result;
  }

  private void schedule(Work work, CompletableFuture<?> result) {
    try {
      workManager.scheduleWork(work, WorkManager.INDEFINITE, null, new RejectionListener(result));
    } catch (WorkException e) {
      result.completeExceptionally(e);
    }
  }

  /** Completes the future when the WorkManager refuses or drops the work. */
  private record RejectionListener(CompletableFuture<?> result) implements WorkListener {
    @Override
    public void workRejected(WorkEvent event) {
      WorkException cause = event.getException();
      result.completeExceptionally(
          cause != null ? cause : new WorkException("work rejected by the WorkManager"));
    }

    @Override
    public void workAccepted(WorkEvent event) {}

    @Override
    public void workStarted(WorkEvent event) {}

    @Override
    public void workCompleted(WorkEvent event) {
      if (event.getException() != null) {
        result.completeExceptionally(event.getException());
      }
    }
  }
}
