package io.onair.streaming.infrastructure.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The first line of {@code ffmpeg -version} as different builds print it. */
class FfmpegVersionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Debian 12, Ubuntu 24.04, releases, the bundled org.bytedeco build
        "ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers | 5.1.6-0+deb12u1",
        "ffmpeg version 6.1.1-3ubuntu5 Copyright (c) 2000-2023 the FFmpeg developers | 6.1.1-3ubuntu5",
        "ffmpeg version 7.1 Copyright (c) 2000-2024 the FFmpeg developers | 7.1",
        "ffmpeg version 8.0.1 Copyright (c) 2000-2025 the FFmpeg developers | 8.0.1",
        "ffmpeg version 5.1 Copyright (c) 2000-2022 the FFmpeg developers | 5.1",
        // builds from git: tags, past a tag, the development branch
        "ffmpeg version n7.1 Copyright (c) 2000-2024 the FFmpeg developers | n7.1",
        "ffmpeg version n6.1-12-g1a2b3c4 Copyright (c) 2000-2023 the FFmpeg developers | n6.1-12-g1a2b3c4",
        "ffmpeg version N-112345-g1a2b3c4d5e Copyright (c) 2000-2023 the FFmpeg developers | N-112345-g1a2b3c4d5e",
        "ffmpeg version N-71064-gd5e603ddc0-static https://johnvansickle.com/ffmpeg/ | N-71064-gd5e603ddc0-static",
        "ffmpeg version 7.1.1-full_build-www.gyan.dev Copyright (c) 2000-2025 | 7.1.1-full_build-www.gyan.dev",
        "ffmpeg version 10.0 | 10.0",
      })
  void supported(String line, String version) {
    FfmpegVersion parsed = FfmpegVersion.ofFirstLine(line).orElseThrow();

    assertThat(parsed.text()).isEqualTo(version);
    assertThat(parsed.isSupported()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // too old: Ubuntu 22.04, Debian 11, 5.0 (no -force_key_frames source)
        "ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright (c) 2000-2021 the FFmpeg developers",
        "ffmpeg version 4.3.8-0+deb11u1 Copyright (c) 2000-2024 the FFmpeg developers",
        "ffmpeg version 5.0.3 Copyright (c) 2000-2022 the FFmpeg developers",
        "ffmpeg version n4.4 Copyright (c) 2000-2021 the FFmpeg developers",
        "ffmpeg version 4.4",
        // versions nothing says are new enough
        "ffmpeg version git-2020-05-01-abcdef Copyright (c) 2000-2020 the FFmpeg developers",
        "ffmpeg version 2024-03-25-git-ecdc94b97f-essentials_build-www.gyan.dev",
        "ffmpeg version 7 Copyright",
        "ffmpeg version 7.x",
        "ffmpeg version v7.1",
        "ffmpeg version N-12-nothex",
        "ffmpeg version 99999.1",
      })
  void refused(String line) {
    assertThat(FfmpegVersion.ofFirstLine(line).orElseThrow().isSupported()).isFalse();
  }

  @ParameterizedTest(name = "[{index}] '{0}'")
  @ValueSource(
      strings = {
        "",
        "hello",
        "ffprobe version 7.1 Copyright (c) 2007-2024 the FFmpeg developers",
        "avconv version 12.3, Copyright (c) 2000-2018 the Libav developers",
        "ffmpeg version",
        "ffmpeg version ",
        "ffmpeg: error while loading shared libraries: libxcb.so.1: cannot open shared object file",
        "FFMPEG VERSION 7.1",
      })
  void notTheFirstLineOfFfmpegVersion(String line) {
    assertThat(FfmpegVersion.ofFirstLine(line)).isEmpty();
  }

  @Test
  void anAbsurdlyLongVersionIsNotOne() {
    assertThat(FfmpegVersion.ofFirstLine("ffmpeg version 7.1" + "x".repeat(200))).isEmpty();
  }
}
