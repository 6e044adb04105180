package io.onair.rtmp.command;

import io.onair.rtmp.flv.MediaTag;
import io.onair.rtmp.message.RtmpMessage;

/** Where accepted publishes put their media: the live hub, in the adapter. */
public interface Publications {

  /** Opens the publication of a channel; a live channel is taken over by the new publisher. */
  Publication open(String channel);

  /** One publisher's feed into a channel. Called from that publisher's reading thread only. */
  interface Publication {

    /** Stream metadata, as a data message with {@code onMetaData} first (no @setDataFrame). */
    void metadata(RtmpMessage onMetaData);

    void media(RtmpMessage message, MediaTag tag);

    /** The publisher stopped; idempotent. */
    void end();
  }
}
