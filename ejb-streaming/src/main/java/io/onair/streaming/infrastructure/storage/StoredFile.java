package io.onair.streaming.infrastructure.storage;

/**
 * A file the store has put in place.
 *
 * @param path relative to the storage root, with '/' separators: what the index records
 * @param size in bytes
 */
public record StoredFile(String path, long size) {}
