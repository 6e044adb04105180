package io.onair.rtmp.adapter;

import io.onair.rtmp.api.PlayDecision;
import io.onair.rtmp.api.PlayRequest;
import io.onair.rtmp.api.PublishDecision;
import io.onair.rtmp.api.PublishEnded;
import io.onair.rtmp.api.PublishRequest;
import io.onair.rtmp.api.RtmpListener;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.transaction.xa.XAResource;

/**
 * Stands in for the container's endpoint factory: creates endpoints that answer with a given
 * function and records on which thread they ran and whether they were released.
 */
final class FakeEndpointFactory implements MessageEndpointFactory {

  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<PublishEnded> ended = new CopyOnWriteArrayList<>();
  final List<PlayRequest> plays = new CopyOnWriteArrayList<>();
  volatile int created;
  volatile int released;
  private final Function<PublishRequest, PublishDecision> answer;

  FakeEndpointFactory(Function<PublishRequest, PublishDecision> answer) {
    this.answer = answer;
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource xaResource) {
    created++;
    return new Endpoint();
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
    return createEndpoint(xaResource);
  }

  @Override
  public boolean isDeliveryTransacted(Method method) {
    return false;
  }

  @Override
  public String getActivationName() {
    return "fake";
  }

  @Override
  public Class<?> getEndpointClass() {
    return Endpoint.class;
  }

  private final class Endpoint implements MessageEndpoint, RtmpListener {
    @Override
    public PublishDecision onPublish(PublishRequest request) {
      threads.add(Thread.currentThread().getName());
      return answer.apply(request);
    }

    @Override
    public void onPublishEnded(PublishEnded event) {
      threads.add(Thread.currentThread().getName());
      ended.add(event);
    }

    @Override
    public PlayDecision onPlay(PlayRequest request) {
      threads.add(Thread.currentThread().getName());
      plays.add(request);
      return PlayDecision.allow(request.channel(), "viewer");
    }

    @Override
    public void beforeDelivery(Method method) {}

    @Override
    public void afterDelivery() {}

    @Override
    public void release() {
      released++;
    }
  }
}
