package io.onair.rtmp.command;

import io.onair.rtmp.api.PlayDecision;
import io.onair.rtmp.api.PlayRequest;
import java.util.concurrent.CompletionStage;

/**
 * Who decides plays: in the application server, the message-driven bean behind the adapter's
 * listener interface. Returns at once; the decision arrives on another thread.
 */
public interface PlayGate {

  CompletionStage<PlayDecision> decide(PlayRequest request);
}
