package io.onair.streaming.application.recording;

import java.util.function.Function;

/**
 * Runs a unit of recording work in a transaction of its own, committed when it returns.
 *
 * <p>The index writer, recovery and retention all work in many small transactions (one batch, one
 * broadcast) from places with no transaction of their own (a managed executor's thread, a timer, a
 * startup bean), and mix them with file operations that must happen between commits. Their logic
 * stays in plain classes that take this interface, so the tests run the very same code on a real
 * database; the container's implementation is {@link RecordingTransactionsBean}.
 */
public interface RecordingTransactions {

  <T> T inNewTransaction(Function<RecordingRepositories, T> work);
}
