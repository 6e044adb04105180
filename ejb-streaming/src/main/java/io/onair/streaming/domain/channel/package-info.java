/**
 * Channels: what viewers watch. A broadcaster publishes into a channel with one of its stream keys.
 */
package io.onair.streaming.domain.channel;
