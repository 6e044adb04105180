package io.onair.rtmp.amf;

import io.onair.rtmp.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * One decoder reference table of one message (AMF0 2.9; AMF3 2.1, 3.8, 3.12): entries in the order
 * the values began, bounded, and checked on lookup. A container's slot is reserved before its
 * members are read, as the specs number it, and filled when it is complete: the values are
 * immutable, so a reference to an enclosing container (a cycle) cannot be honoured and is refused.
 */
final class ReferenceTable<T> {

  private final String name;
  private final int limit;
  private final List<T> entries = new ArrayList<>();

  /**
   * @param name the table as errors name it: "AMF0 object", "AMF3 string"
   * @param limit the most entries one message may create
   */
  ReferenceTable(String name, int limit) {
    this.name = name;
    this.limit = limit;
  }

  int reserve() {
    if (entries.size() >= limit) {
      throw new ProtocolException(
          name + " reference table size", entries.size() + 1, "exceeds the limit of " + limit);
    }
    entries.add(null);
    return entries.size() - 1;
  }

  <V extends T> V fill(int slot, V value) {
    entries.set(slot, value);
    return value;
  }

  <V extends T> V add(V value) {
    return fill(reserve(), value);
  }

  T get(int index) {
    if (index >= entries.size()) {
      throw new ProtocolException(
          name + " reference",
          index,
          "out of range: the message has " + entries.size() + " so far");
    }
    T entry = entries.get(index);
    if (entry == null) {
      throw new ProtocolException(
          name + " reference", index, "points to an enclosing value: cycles are not supported");
    }
    return entry;
  }
}
