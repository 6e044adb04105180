package io.onair.rtmp.command;

import io.onair.rtmp.api.PlayDecision;
import io.onair.rtmp.api.PlayRequest;
import io.onair.rtmp.api.PublishDecision;
import io.onair.rtmp.api.PublishEnded;
import io.onair.rtmp.api.PublishRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Decides publishes and plays when the test completes the pending future. */
final class GateFake implements PublishGate, PlayGate {

  final List<PublishRequest> requests = new ArrayList<>();
  final List<PublishEnded> ended = new ArrayList<>();
  final List<PlayRequest> plays = new ArrayList<>();
  CompletableFuture<PublishDecision> next = new CompletableFuture<>();
  CompletableFuture<PlayDecision> nextPlay = new CompletableFuture<>();

  @Override
  public CompletionStage<PublishDecision> decide(PublishRequest request) {
    requests.add(request);
    return next;
  }

  @Override
  public CompletionStage<PlayDecision> decide(PlayRequest request) {
    plays.add(request);
    return nextPlay;
  }

  @Override
  public void ended(String application, PublishEnded event) {
    ended.add(event);
  }
}
