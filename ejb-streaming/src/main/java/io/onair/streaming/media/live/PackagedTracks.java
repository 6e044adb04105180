package io.onair.streaming.media.live;

import io.onair.streaming.media.cmaf.SegmenterEvent;
import io.onair.streaming.media.cmaf.TrackFormat;
import io.onair.streaming.media.manifest.TrackKind;

/**
 * Where a {@link LivePackager} puts what it makes: the segment store and index, and the live window
 * players read. Called on the packaging thread, in media order for each track.
 */
public interface PackagedTracks {

  /** A track starts, or starts again after its configuration changed. */
  void initSegment(String rendition, TrackKind track, TrackFormat format, byte[] bytes);

  /** A part of the segment being made: what LL-HLS players fetch before the segment is done. */
  void part(String rendition, TrackKind track, SegmenterEvent.PartComplete part);

  /** A segment is complete: its bytes are the concatenation of its parts. */
  void segment(String rendition, TrackKind track, SegmenterEvent.SegmentComplete segment);

  /** The feed ended and its last segments were reported: nothing more comes. */
  void ended();
}
