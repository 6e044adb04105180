package io.onair.rtmp.live;

import io.onair.rtmp.message.RtmpMessage;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Messages in arrival order, bounded in count and payload bytes. Adding never overflows: callers
 * ask {@link #fits} first and decide what an overflow means. Not thread-safe; its owner locks.
 */
final class MessageQueue {

  private final int maxMessages;
  private final long maxBytes;
  private final ArrayDeque<RtmpMessage> messages = new ArrayDeque<>();
  private long bytes;

  MessageQueue(int maxMessages, long maxBytes) {
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  boolean fits(RtmpMessage message) {
    return fits(1, message.payload().length);
  }

  boolean fits(List<RtmpMessage> more) {
    return fits(more.size(), payloadBytes(more));
  }

  private boolean fits(int count, long size) {
    return messages.size() + count <= maxMessages && bytes + size <= maxBytes;
  }

  void add(RtmpMessage message) {
    if (!fits(message)) {
      throw new IllegalStateException("queue full: " + messages.size() + " messages, " + bytes);
    }
    messages.addLast(message);
    bytes += message.payload().length;
  }

  /** The oldest message, removed; null when empty. */
  RtmpMessage poll() {
    RtmpMessage message = messages.pollFirst();
    if (message != null) {
      bytes -= message.payload().length;
    }
    return message;
  }

  /** Empties the queue, showing each removed message to {@code removed}; returns how many. */
  int clear(Consumer<RtmpMessage> removed) {
    int count = messages.size();
    messages.forEach(removed);
    messages.clear();
    bytes = 0;
    return count;
  }

  List<RtmpMessage> snapshot() {
    return List.copyOf(messages);
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  int size() {
    return messages.size();
  }

  long bytes() {
    return bytes;
  }

  private static long payloadBytes(List<RtmpMessage> list) {
    long total = 0;
    for (RtmpMessage message : list) {
      total += message.payload().length;
    }
    return total;
  }
}
