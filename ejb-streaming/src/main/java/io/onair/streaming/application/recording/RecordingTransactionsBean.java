package io.onair.streaming.application.recording;

import io.onair.streaming.domain.broadcast.BroadcastRepository;
import io.onair.streaming.domain.recording.RecordingRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * {@link RecordingTransactions} in the container: each call is a new JTA transaction
 * (REQUIRES_NEW), whatever the caller has. A stateless bean rather than a bean-managed singleton
 * with a UserTransaction: the container begins, commits and rolls back (on any runtime exception),
 * calls from the drain, a timer and startup never queue on a singleton's lock, and the logic it
 * runs stays free of transaction code, so the tests run it on local transactions unchanged.
 */
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
