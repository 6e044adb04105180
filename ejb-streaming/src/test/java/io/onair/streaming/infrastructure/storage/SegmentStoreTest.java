package io.onair.streaming.infrastructure.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Segment files on a real file system: where they go, complete or absent, and nowhere else. */
class SegmentStoreTest {

  private static final TrackRef VIDEO = new TrackRef("720p", TrackKind.VIDEO);
  private static final TrackRef AUDIO = new TrackRef("720p", TrackKind.AUDIO);

  @TempDir Path root;

  private SegmentStore store() {
    return new SegmentStore(root);
  }

  private static byte[] bytes(int size, int seed) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) seed);
    return bytes;
  }

  /** Every file under the root, relative, with '/' separators. */
  private List<String> files() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  @Test
  void filesGoUnderTheBroadcastTheRenditionAndTheKind() throws IOException {
    SegmentStore store = store();
    StoredFile init = store.writeInit(7, VIDEO, bytes(10, 1));
    StoredFile segment = store.writeSegment(7, VIDEO, 41, bytes(300, 2));
    store.writeSegment(7, AUDIO, 41, bytes(20, 3));

    assertThat(init).isEqualTo(new StoredFile("broadcasts/7/720p/video/init.mp4", 10));
    assertThat(segment).isEqualTo(new StoredFile("broadcasts/7/720p/video/41.m4s", 300));
    assertThat(files())
        .containsExactly(
            "broadcasts/7/720p/audio/41.m4s",
            "broadcasts/7/720p/video/41.m4s",
            "broadcasts/7/720p/video/init.mp4");
    assertThat(Files.readAllBytes(root.resolve(segment.path()))).isEqualTo(bytes(300, 2));
  }

  @Test
  void theRelativePathIsTheMediaPathUnderTheBroadcast() {
    assertThat(SegmentStore.relativePath(3, new MediaPath.SegmentFile(AUDIO, 0)))
        .isEqualTo("broadcasts/3/720p/audio/0.m4s");
  }

  /**
   * A reader polling the directory while large segments are written never sees a file under its
   * final name that is shorter than what was written. Written in place, it would (the file exists
   * from its first write on).
   */
  @Test
  void noPartialFileIsEverVisibleUnderItsFinalName() throws Exception {
    SegmentStore store = store();
    int size = 4 << 20;
    Path directory = root.resolve("broadcasts/1/720p/video");
    Files.createDirectories(directory);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> partial = new ArrayList<>();
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              while (writing.get()) {
                try (Stream<Path> listed = Files.list(directory)) {
                  listed
                      .filter(p -> p.getFileName().toString().matches("\\d+\\.m4s"))
                      .forEach(p -> checkComplete(p, size, partial));
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    for (int n = 0; n < 20; n++) {
      store.writeSegment(1, VIDEO, n, bytes(size, n));
    }
    writing.set(false);
    reader.get();
    assertThat(partial).isEmpty();
    assertThat(store.list(1, VIDEO).segments()).hasSize(20);
  }

  private static void checkComplete(Path file, int size, List<String> partial) {
    try {
      long seen = Files.size(file);
      if (seen != size) {
        partial.add(file.getFileName() + ": " + seen);
      }
    } catch (IOException e) {
      partial.add(file.getFileName() + ": " + e);
    }
  }

  @Test
  void aWriteLeavesNoTemporaryFile() throws IOException {
    SegmentStore store = store();
    store.writeSegment(2, VIDEO, 0, bytes(100, 0));
    assertThat(store.list(2, VIDEO).temporary()).isZero();
    assertThat(files()).containsExactly("broadcasts/2/720p/video/0.m4s");
  }

  @Test
  void aFailedWriteLeavesNeitherTheFileNorATemporaryOne() throws IOException {
    SegmentStore store = store();
    // A directory where the file should go: the rename into place fails.
    Files.createDirectories(root.resolve("broadcasts/2/720p/video/5.m4s/in-the-way"));
    assertThatThrownBy(() -> store.writeSegment(2, VIDEO, 5, bytes(10, 0)))
        .isInstanceOf(IOException.class);
    assertThat(store.list(2, VIDEO).temporary()).isZero();
    assertThat(files()).isEmpty();
  }

  @Test
  void aSegmentIsNeverReplaced() throws IOException {
    SegmentStore store = store();
    store.writeSegment(3, VIDEO, 9, bytes(10, 1));
    assertThatThrownBy(() -> store.writeSegment(3, VIDEO, 9, bytes(12, 2)))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(store.readSegment(3, VIDEO, 9)).isEqualTo(bytes(10, 1));
  }

  @Test
  void theSameInitMayBeWrittenAgainButNotAnotherOne() throws IOException {
    SegmentStore store = store();
    store.writeInit(3, VIDEO, bytes(10, 1));
    assertThat(store.writeInit(3, VIDEO, bytes(10, 1)).path())
        .isEqualTo("broadcasts/3/720p/video/init.mp4");
    assertThatThrownBy(() -> store.writeInit(3, VIDEO, bytes(10, 2)))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void emptyBytesAreRefused() {
    assertThatThrownBy(() -> store().writeSegment(3, VIDEO, 1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../..", "a/../../b", "/etc", "720p/..", "a.b", "UPPER", ""})
  void renditionNamesThatCouldLeaveTheRootAreRefused(String rendition) {
    assertThatThrownBy(() -> new TrackRef(rendition, TrackKind.VIDEO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRenditionNameIsAtMost32Characters() {
    assertThat(new TrackRef("a".repeat(32), TrackKind.VIDEO).rendition()).hasSize(32);
    assertThatThrownBy(() -> new TrackRef("a".repeat(33), TrackKind.VIDEO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void aBroadcastIdMustBePositive(long id) {
    SegmentStore store = store();
    assertThatThrownBy(() -> store.writeSegment(id, VIDEO, 0, bytes(1, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.deleteBroadcast(id))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void storedFilesAreOpenedForReadingAndOthersAreNot() throws IOException {
    SegmentStore store = store();
    store.writeInit(4, VIDEO, bytes(10, 1));
    store.writeSegment(4, VIDEO, 0, bytes(1000, 2));

    try (FileChannel segment = store.open(4, new MediaPath.SegmentFile(VIDEO, 0)).orElseThrow()) {
      ByteBuffer range = ByteBuffer.allocate(10);
      segment.read(range, 990);
      assertThat(segment.size()).isEqualTo(1000);
      assertThat(range.array()).isEqualTo(bytes(10, 2));
    }
    try (FileChannel init = store.open(4, new MediaPath.Init(VIDEO)).orElseThrow()) {
      assertThat(init.size()).isEqualTo(10);
    }
    assertThat(store.open(4, new MediaPath.SegmentFile(VIDEO, 1))).isEmpty();
    assertThat(store.open(5, new MediaPath.Init(VIDEO))).isEmpty();
    assertThat(store.open(4, new MediaPath.TrackPlaylist(VIDEO))).isEmpty();
    assertThat(store.open(4, new MediaPath.PartFile(VIDEO, 0, 0))).isEmpty();
  }

  @Test
  void aTrackDirectoryIsListedByWhatItHolds() throws IOException {
    SegmentStore store = store();
    store.writeInit(6, VIDEO, bytes(10, 1));
    store.writeSegment(6, VIDEO, 2, bytes(10, 1));
    store.writeSegment(6, VIDEO, 10, bytes(10, 1));
    Path directory = root.resolve("broadcasts/6/720p/video");
    Files.write(directory.resolve(".11.m4s.123.tmp"), bytes(3, 0));
    Files.write(directory.resolve("notes.txt"), bytes(3, 0));
    Files.write(directory.resolve("007.m4s"), bytes(3, 0));

    TrackFiles listed = store.list(6, VIDEO);
    assertThat(listed.init()).isTrue();
    assertThat(listed.segments()).containsExactly(2L, 10L);
    assertThat(listed.temporary()).isEqualTo(1);
    assertThat(listed.foreign()).containsExactlyInAnyOrder("notes.txt", "007.m4s");
    assertThat(store.list(6, AUDIO)).isEqualTo(TrackFiles.none());
  }

  @Test
  void temporaryFilesAreDeletedAndNothingElse() throws IOException {
    SegmentStore store = store();
    store.writeSegment(8, VIDEO, 0, bytes(10, 1));
    Path directory = root.resolve("broadcasts/8/720p/video");
    Files.write(directory.resolve(".1.m4s.1.tmp"), bytes(3, 0));
    Files.write(directory.resolve(".init.mp4.2.tmp"), bytes(3, 0));
    Files.write(directory.resolve("keep.tmp"), bytes(3, 0));

    assertThat(store.deleteTemporaryFiles(8, VIDEO)).isEqualTo(2);
    assertThat(files())
        .containsExactly("broadcasts/8/720p/video/0.m4s", "broadcasts/8/720p/video/keep.tmp");
    assertThat(store.deleteTemporaryFiles(8, AUDIO)).isZero();
  }

  @Test
  void theTracksOnDiskAreTheDirectoriesWithValidNames() throws IOException {
    SegmentStore store = store();
    store.writeSegment(9, VIDEO, 0, bytes(1, 1));
    store.writeSegment(9, new TrackRef("source", TrackKind.AUDIO), 0, bytes(1, 1));
    Files.createDirectories(root.resolve("broadcasts/9/Bad.Name/video"));
    Files.createDirectories(root.resolve("broadcasts/9/720p/subtitles"));

    assertThat(store.tracksOnDisk(9))
        .containsExactlyInAnyOrder(VIDEO, new TrackRef("source", TrackKind.AUDIO));
    assertThat(store.tracksOnDisk(10)).isEmpty();
  }

  @Test
  void deletingABroadcastDeletesItsDirectoryOnly() throws IOException {
    SegmentStore store = store();
    store.writeInit(11, VIDEO, bytes(10, 1));
    store.writeSegment(11, VIDEO, 0, bytes(10, 1));
    store.writeSegment(11, AUDIO, 0, bytes(10, 1));
    store.writeSegment(12, VIDEO, 0, bytes(10, 1));

    store.deleteBroadcast(11);
    store.deleteBroadcast(11); // a second time: nothing left, no error
    store.deleteBroadcast(99); // never stored

    assertThat(files()).containsExactly("broadcasts/12/720p/video/0.m4s");
    assertThat(Files.exists(root.resolve("broadcasts/11"))).isFalse();
  }

  @Test
  void deletingATrackOrSegmentsLeavesTheRest() throws IOException {
    SegmentStore store = store();
    store.writeSegment(13, VIDEO, 0, bytes(10, 1));
    store.writeSegment(13, VIDEO, 1, bytes(10, 1));
    store.writeSegment(13, AUDIO, 0, bytes(10, 1));

    store.deleteSegments(13, VIDEO, List.of(1L, 5L));
    store.deleteTrack(13, AUDIO);

    assertThat(files()).containsExactly("broadcasts/13/720p/video/0.m4s");
  }

  /** A link planted in a broadcast's directory is removed, never followed. */
  @Test
  void deletingDoesNotFollowLinksOutOfTheStore() throws IOException {
    Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
    Files.write(outside.resolve("precious"), bytes(1, 1));
    SegmentStore store = store();
    store.writeSegment(14, VIDEO, 0, bytes(10, 1));
    Files.createSymbolicLink(root.resolve("broadcasts/14/720p/elsewhere"), outside);

    store.deleteBroadcast(14);

    assertThat(Files.exists(outside.resolve("precious"))).isTrue();
    assertThat(Files.exists(root.resolve("broadcasts/14"))).isFalse();
    Files.delete(outside.resolve("precious"));
    Files.delete(outside);
  }
}
