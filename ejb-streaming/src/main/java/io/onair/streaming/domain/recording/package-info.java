/**
 * Recordings: what was kept of a broadcast. A recording is the broadcast's CMAF tracks ({@link
 * io.onair.streaming.domain.recording.RecordedTrack}, one per rendition and kind) and, for each,
 * its complete segments ({@link io.onair.streaming.domain.recording.RecordedSegment}). The bytes
 * live in files under the storage root; these rows are the index the replay manifests are made
 * from.
 *
 * <p>The rule the whole package keeps: a row exists only for complete bytes. Rows are added after
 * their file has been renamed into place, never before; anything that finds a row without its file
 * (a lost disk, a crash) deletes the row.
 *
 * <p>Tracks are described with the manifest model's own types ({@link
 * io.onair.streaming.media.manifest.TrackRef}, {@link
 * io.onair.streaming.media.manifest.VideoTrack}, {@link
 * io.onair.streaming.media.manifest.AudioTrack}), which are pure values: what is stored is exactly
 * what the manifests will say.
 */
package io.onair.streaming.domain.recording;
