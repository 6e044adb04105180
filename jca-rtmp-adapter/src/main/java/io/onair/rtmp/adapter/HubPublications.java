package io.onair.rtmp.adapter;

import io.onair.rtmp.command.Publications;
import io.onair.rtmp.flv.MediaTag;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.message.RtmpMessage;

/** Accepted publishes feed the adapter's live hub, under the channel name players ask for. */
final class HubPublications implements Publications {

  private final LiveHub hub;

  HubPublications(LiveHub hub) {
    this.hub = hub;
  }

  @Override
  public Publication open(String channel) {
    io.onair.rtmp.live.Publication publication = hub.publish(channel);
    return new Publication() {
      @Override
      public void metadata(RtmpMessage onMetaData) {
        publication.push(onMetaData);
      }

      @Override
      public void media(RtmpMessage message, MediaTag tag) {
        publication.push(message, tag);
      }

      @Override
      public void end() {
        publication.end();
      }
    };
  }
}
