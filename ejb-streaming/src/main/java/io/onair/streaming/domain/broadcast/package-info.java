/**
 * Broadcasts: one publish of a channel, from the accepted publish to its end. One broadcast is one
 * recording and, later, one replay.
 */
package io.onair.streaming.domain.broadcast;
