package io.onair.streaming.application.recording;

import io.onair.streaming.domain.broadcast.BroadcastRepository;
import io.onair.streaming.domain.recording.RecordingRepository;

/** The repositories a unit of recording work uses, all in the same transaction. */
public record RecordingRepositories(
    BroadcastRepository broadcasts, RecordingRepository recordings) {}
