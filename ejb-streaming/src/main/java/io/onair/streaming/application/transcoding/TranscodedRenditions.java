package io.onair.streaming.application.transcoding;

import io.onair.streaming.media.live.PackagedTracks;
import java.util.Map;

/** Where a broadcast's transcoded renditions are published: beside its source. */
public interface TranscodedRenditions {

  /**
   * What a rendition declares before its tracks start, in {@code onMetaData} terms: {@code
   * videodatarate} and {@code audiodatarate} in kbit/s, {@code framerate}.
   */
  void declare(String rendition, Map<String, Object> properties);

  /** The sink the rungs' packagers publish to; its {@code ended()} is the source's to call. */
  PackagedTracks rendition();

  /** What the source's encoder declared in its {@code onMetaData} (its frame rate). */
  Map<String, Object> sourceMetadata();
}
