/**
 * Where recorded media lives on disk: the storage root ({@link
 * io.onair.streaming.infrastructure.storage.StorageRoot}) and the segment files under it ({@link
 * io.onair.streaming.infrastructure.storage.SegmentStore}), written so that a file under its final
 * name is always complete.
 */
package io.onair.streaming.infrastructure.storage;
