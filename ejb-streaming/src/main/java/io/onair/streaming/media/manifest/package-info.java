/**
 * The model manifests are generated from: a broadcast's {@link
 * io.onair.streaming.media.manifest.Ladder} of renditions, one {@link
 * io.onair.streaming.media.manifest.TrackTimeline} per CMAF track (taken from the segment index),
 * the {@link io.onair.streaming.media.manifest.LiveSettings} of the live window, and the one naming
 * scheme for every manifest and segment URL ({@link io.onair.streaming.media.manifest.MediaPath}).
 *
 * <p>Everything here is immutable and free of I/O and clocks, so a manifest is a function of the
 * index: the same index state always gives the same bytes. The writers live in {@code hls} (RFC
 * 8216 and draft-pantos-hls-rfc8216bis) and {@code dash} (ISO/IEC 23009-1).
 */
package io.onair.streaming.media.manifest;
