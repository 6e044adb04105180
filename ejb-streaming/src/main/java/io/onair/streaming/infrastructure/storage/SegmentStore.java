package io.onair.streaming.infrastructure.storage;

import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The segment files of every broadcast, under the storage root:
 *
 * <pre>
 * broadcasts/&lt;broadcast id&gt;/&lt;rendition&gt;/&lt;video|audio&gt;/init.mp4
 * broadcasts/&lt;broadcast id&gt;/&lt;rendition&gt;/&lt;video|audio&gt;/&lt;number&gt;.m4s
 * </pre>
 *
 * The track directories and file names are {@link MediaPath}'s, so a URL and a file name cannot
 * disagree. Every path is built from a positive broadcast id and a {@link TrackRef}, whose
 * rendition name is lower-case letters, digits and hyphens, at most 32: no input can name a path
 * outside the root, and {@link #resolve} checks it once more anyway.
 *
 * <p>A file under its final name is always complete. Bytes go to a temporary file in the same
 * directory (a leading dot, a {@code .tmp} suffix), which is forced to the device and then renamed
 * in one atomic step; the directory is forced as well, so that the rename has reached the disk
 * before the caller indexes the file. A crash leaves at worst a temporary file, which recovery
 * deletes.
 */
@ApplicationScoped
public class SegmentStore {

  static final String BROADCASTS = "broadcasts";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final Pattern SEGMENT_FILE = Pattern.compile("(0|[1-9][0-9]{0,17})\\.m4s");

  @Inject private StorageRoot storageRoot;
  private Path fixedRoot;

  public SegmentStore() {}

  /** Outside the container (tests): files go under {@code root}. */
  public SegmentStore(Path root) {
    this.fixedRoot = root.toAbsolutePath().normalize();
  }

  /** A file's path relative to the storage root, as the index records it. */
  public static String relativePath(long broadcastId, MediaPath.TrackFile file) {
    return BROADCASTS + "/" + requireId(broadcastId) + "/" + file.path();
  }

  /** Stores a track's CMAF header; storing the same bytes again is allowed and changes nothing. */
  public StoredFile writeInit(long broadcastId, TrackRef track, byte[] bytes) throws IOException {
    MediaPath.Init file = new MediaPath.Init(track);
    Path target = resolve(broadcastId, file);
    if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return new StoredFile(relativePath(broadcastId, file), bytes.length);
    }
    return write(broadcastId, file, bytes);
  }

  /**
   * Stores a complete segment. A segment is never replaced: its index row, if written, describes
   * the bytes already there.
   *
   * @throws FileAlreadyExistsException if the segment is stored already
   */
  public StoredFile writeSegment(long broadcastId, TrackRef track, long number, byte[] bytes)
      throws IOException {
    return write(broadcastId, new MediaPath.SegmentFile(track, number), bytes);
  }

  private StoredFile write(long broadcastId, MediaPath.TrackFile file, byte[] bytes)
      throws IOException {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("no bytes for " + file.path());
    }
    Path target = resolve(broadcastId, file);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path directory = Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(directory, "." + file.fileName() + ".", TEMP_SUFFIX);
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    force(directory);
    return new StoredFile(relativePath(broadcastId, file), bytes.length);
  }

  /** Makes a rename in {@code directory} durable (POSIX: fsync on the directory). */
  private static void force(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  /**
   * Opens a stored init or segment file for reading, for delivery to stream (with byte ranges, by
   * position); empty if it is not stored or is not a kind of file the store keeps (playlists and
   * parts are not files).
   */
  public Optional<FileChannel> open(long broadcastId, MediaPath.TrackFile file) throws IOException {
    if (!(file instanceof MediaPath.Init || file instanceof MediaPath.SegmentFile)) {
      return Optional.empty();
    }
    try {
      return Optional.of(FileChannel.open(resolve(broadcastId, file), StandardOpenOption.READ));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** A stored segment's bytes. */
  public byte[] readSegment(long broadcastId, TrackRef track, long number) throws IOException {
    return Files.readAllBytes(resolve(broadcastId, new MediaPath.SegmentFile(track, number)));
  }

  /** The tracks that have a directory under the broadcast's, by name. */
  public List<TrackRef> tracksOnDisk(long broadcastId) throws IOException {
    List<TrackRef> tracks = new ArrayList<>();
    for (Path rendition : directories(broadcastDirectory(broadcastId))) {
      for (TrackKind kind : TrackKind.values()) {
        Optional<TrackRef> track = trackRef(rendition.getFileName().toString(), kind);
        if (track.isPresent() && Files.isDirectory(rendition.resolve(kind.pathSegment()))) {
          tracks.add(track.get());
        }
      }
    }
    return tracks;
  }

  private static Optional<TrackRef> trackRef(String rendition, TrackKind kind) {
    try {
      return Optional.of(new TrackRef(rendition, kind));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a directory the store made
    }
  }

  /** What a track's directory holds. */
  public TrackFiles list(long broadcastId, TrackRef track) throws IOException {
    Path directory = trackDirectory(broadcastId, track);
    if (!Files.isDirectory(directory)) {
      return TrackFiles.none();
    }
    boolean init = false;
    SortedSet<Long> segments = new TreeSet<>();
    int temporary = 0;
    List<String> foreign = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path path : files) {
        String name = path.getFileName().toString();
        Matcher segment = SEGMENT_FILE.matcher(name);
        if (name.equals(MediaPath.initFileName())) {
          init = true;
        } else if (segment.matches()) {
          segments.add(Long.parseLong(segment.group(1)));
        } else if (isTemporary(name)) {
          temporary++;
        } else {
          foreign.add(name);
        }
      }
    }
    return new TrackFiles(init, segments, temporary, foreign);
  }

  /** Deletes the temporary files a crash left in a track's directory; returns how many. */
  public int deleteTemporaryFiles(long broadcastId, TrackRef track) throws IOException {
    Path directory = trackDirectory(broadcastId, track);
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    int deleted = 0;
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(directory, p -> isTemporary(p.getFileName().toString()))) {
      for (Path temp : files) {
        deleted += Files.deleteIfExists(temp) ? 1 : 0;
      }
    }
    return deleted;
  }

  private static boolean isTemporary(String name) {
    return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
  }

  /** Deletes segment files of a track; missing ones are no error. */
  public void deleteSegments(long broadcastId, TrackRef track, Collection<Long> numbers)
      throws IOException {
    for (long number : numbers) {
      Files.deleteIfExists(resolve(broadcastId, new MediaPath.SegmentFile(track, number)));
    }
  }

  /** Deletes a track's directory and everything in it; a missing one is no error. */
  public void deleteTrack(long broadcastId, TrackRef track) throws IOException {
    deleteTree(trackDirectory(broadcastId, track));
  }

  /** Deletes a broadcast's directory and everything in it; a missing one is no error. */
  public void deleteBroadcast(long broadcastId) throws IOException {
    deleteTree(broadcastDirectory(broadcastId));
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
      for (Path child : children) {
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(child);
        } else {
          Files.deleteIfExists(child);
        }
      }
    }
    Files.deleteIfExists(directory);
  }

  private static List<Path> directories(Path parent) throws IOException {
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    List<Path> directories = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, Files::isDirectory)) {
      children.forEach(directories::add);
    }
    return directories;
  }

  private Path trackDirectory(long broadcastId, TrackRef track) {
    return resolve(broadcastId, new MediaPath.Init(track)).getParent();
  }

  private Path broadcastDirectory(long broadcastId) {
    return under(root().resolve(BROADCASTS).resolve(Long.toString(requireId(broadcastId))));
  }

  /** The absolute path of a track file. */
  Path resolve(long broadcastId, MediaPath.TrackFile file) {
    return under(root().resolve(relativePath(broadcastId, file)));
  }

  /** {@code path}, normalized, if it lies under the root's broadcasts directory; else a refusal. */
  private Path under(Path path) {
    Path normalized = path.normalize();
    if (!normalized.startsWith(root().resolve(BROADCASTS))) {
      throw new IllegalArgumentException(path + " is outside the segment store");
    }
    return normalized;
  }

  private Path root() {
    return fixedRoot != null ? fixedRoot : storageRoot.path().normalize();
  }

  private static long requireId(long broadcastId) {
    if (broadcastId <= 0) {
      throw new IllegalArgumentException("broadcast id must be positive, was " + broadcastId);
    }
    return broadcastId;
  }
}
