package io.onair.rtmp.adapter;

import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The message-driven endpoints the application server has activated on the adapter. Read on every
 * publish, written only at (un)deployment, hence copy-on-write.
 */
final class EndpointActivations {

  /** One activated endpoint: the factory to create instances from, and what it asked for. */
  record Activation(MessageEndpointFactory factory, RtmpActivationSpec spec) {}

  private final List<Activation> activations = new CopyOnWriteArrayList<>();

  void add(MessageEndpointFactory factory, RtmpActivationSpec spec) {
    activations.add(new Activation(factory, spec));
  }

  void remove(MessageEndpointFactory factory) {
    activations.removeIf(a -> a.factory() == factory);
  }

  void clear() {
    activations.clear();
  }

  int size() {
    return activations.size();
  }

  /** The endpoint deciding for an RTMP application; the first activated wins. */
  Optional<Activation> forApplication(String application) {
    return activations.stream()
        .filter(a -> a.spec().getApplication().equals(application))
        .findFirst();
  }
}
