package io.onair.rtmp.live;

import io.onair.rtmp.message.RtmpMessage;

/**
 * An endless source of numbered tags in GOPs: a key frame, then audio and inter frames alternating,
 * as an encoder with a fixed keyframe interval sends them.
 */
final class Gops {

  private final int gopLength;
  private final int frameSize;
  private long next;
  private int inGop;

  Gops(long firstTag, int gopLength, int frameSize) {
    this.next = firstTag;
    this.gopLength = gopLength;
    this.frameSize = frameSize;
  }

  RtmpMessage next() {
    long tag = next++;
    int position = inGop;
    inGop = (inGop + 1) % gopLength;
    if (position == 0) {
      return Media.keyFrame(tag, frameSize * 4);
    }
    return position % 2 == 1
        ? Media.audioFrame(tag, frameSize / 4)
        : Media.interFrame(tag, frameSize);
  }
}
