package io.onair.streaming.application.recording;

import io.onair.streaming.domain.broadcast.BroadcastRepository;
import io.onair.streaming.domain.recording.RecordingRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.function.Function;

/** {@link RecordingTransactions} in the container: each call is a new JTA transaction. */
@Stateless
public class RecordingTransactionsBean implements RecordingTransactions {

  @Inject private BroadcastRepository broadcasts;
  @Inject private RecordingRepository recordings;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inNewTransaction(Function<RecordingRepositories, T> work) {
    return work.apply(new RecordingRepositories(broadcasts, recordings));
  }
}
