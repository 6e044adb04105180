package io.onair.rtmp.live;

/**
 * A live stream as the hub sees it at one moment.
 *
 * @param name the stream name players play
 * @param subscribers how many subscriptions are open
 * @param messagesIn messages pushed by its publishers since the stream went live, across takeovers
 * @param bytesIn payload bytes of those messages
 * @param cachedMessages messages in the GOP cache
 * @param cachedBytes payload bytes in the GOP cache: the memory the stream holds for joiners
 */
public record StreamStats(
    String name,
    int subscribers,
    long messagesIn,
    long bytesIn,
    int cachedMessages,
    long cachedBytes) {}
