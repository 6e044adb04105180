/**
 * The live hub: one publisher's media fanned out to many subscribers (RTMP players today; HTTP-FLV,
 * the CMAF packager and the transcoder later). Plain Java, no sockets, no container, no threads of
 * its own.
 *
 * <p>{@link io.onair.rtmp.live.LiveHub} maps stream names to live streams. A publisher gets a
 * {@link io.onair.rtmp.live.Publication} and pushes messages on its own thread; pushing never
 * blocks, whatever the subscribers do. A consumer subscribes with a {@link
 * io.onair.rtmp.live.Subscriber} callback and drains its bounded {@link
 * io.onair.rtmp.live.Subscription} queue with {@code poll()} from its own thread. A player joining
 * mid-stream starts at the last key frame: metadata, sequence headers, then the cached GOP. A
 * consumer that falls behind skips to the next key frame, and one that keeps falling behind is
 * closed.
 *
 * <p>Messages pass through as published: timestamps and message stream ids are the publisher's, for
 * the delivering layer to rewrite per subscriber.
 */
package io.onair.rtmp.live;
