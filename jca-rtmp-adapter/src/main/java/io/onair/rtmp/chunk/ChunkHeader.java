package io.onair.rtmp.chunk;

/**
 * A chunk's header as read (RTMP 1.0 section 5.3.1): the basic header, the message header of its
 * format, and the extended timestamp if one is present.
 *
 * @param format 0 to 3: how much of the message header is present
 * @param chunkStreamId 2 to 65599
 * @param length the header's bytes on the wire, extended timestamp included
 * @param timestampField the absolute timestamp (format 0) or delta (1, 2), extended value if any
 * @param extended whether the timestamp field held 0xFFFFFF and 4 more bytes followed
 * @param messageLength declared message length (formats 0, 1), else -1
 * @param typeId message type id (formats 0, 1), else -1
 * @param streamId message stream id (format 0), else -1
 */
record ChunkHeader(
    int format,
    int chunkStreamId,
    int length,
    int timestampField,
    boolean extended,
    int messageLength,
    int typeId,
    int streamId) {}
