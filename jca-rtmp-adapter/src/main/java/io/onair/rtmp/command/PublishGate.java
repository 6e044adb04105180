package io.onair.rtmp.command;

import io.onair.rtmp.api.PublishDecision;
import io.onair.rtmp.api.PublishEnded;
import io.onair.rtmp.api.PublishRequest;
import java.util.concurrent.CompletionStage;

/**
 * Who decides publishes: in the application server, the message-driven bean behind the adapter's
 * listener interface. Both calls return at once; the decision arrives on another thread.
 */
public interface PublishGate {

  CompletionStage<PublishDecision> decide(PublishRequest request);

  void ended(String application, PublishEnded event);
}
