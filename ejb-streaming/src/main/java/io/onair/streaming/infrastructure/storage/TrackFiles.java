package io.onair.streaming.infrastructure.storage;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a track's directory holds, by the names the store gives its files.
 *
 * @param init whether the CMAF header is in place
 * @param segments the numbers of the segment files in place
 * @param temporary how many files are still under a temporary name: writes a crash interrupted
 * @param foreign names the store never writes, which it leaves alone
 */
public record TrackFiles(
    boolean init, SortedSet<Long> segments, int temporary, List<String> foreign) {

  public TrackFiles {
    segments = Collections.unmodifiableSortedSet(new TreeSet<>(segments));
    foreign = List.copyOf(foreign);
  }

  static TrackFiles none() {
    return new TrackFiles(false, new TreeSet<>(), 0, List.of());
  }
}
