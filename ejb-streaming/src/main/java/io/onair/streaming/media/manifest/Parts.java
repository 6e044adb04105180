package io.onair.streaming.media.manifest;

import java.util.List;

/** The one rule for a segment's part list: indices 0, 1, 2, ... in order. */
final class Parts {

  private Parts() {}

  static List<Part> checked(List<Part> parts, String owner) {
    List<Part> copy = List.copyOf(parts);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).index() != i) {
        throw new IllegalArgumentException(
            owner + ": part at position " + i + " has index " + copy.get(i).index());
      }
    }
    return copy;
  }
}
