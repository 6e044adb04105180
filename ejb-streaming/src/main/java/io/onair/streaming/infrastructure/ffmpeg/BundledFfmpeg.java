package io.onair.streaming.infrastructure.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ffmpeg program that org.bytedeco:ffmpeg (classifier {@code linux-x86_64-gpl}) carries as
 * class path resources, beside the shared libraries it loads, extracted to a directory so it can
 * run as a process.
 *
 * <p><b>Why not JavaCPP's {@code Loader}.</b> {@code Loader.load(ffmpeg.class)} extracts the
 * program too, but first loads every JNI library of the preset into the server's JVM: native
 * libraries loaded from an application's class loader stay loaded after an undeploy and cannot be
 * loaded again by the next deployment's. We need a file on disk, nothing in the JVM, so the
 * extraction is ours and the JavaCPP jar is not even bundled.
 *
 * <p><b>What is extracted.</b> The program, then every library it needs ({@code DT_NEEDED}, read by
 * {@link ElfNeeded}) that the bundle has, and theirs in turn: the libav* and libsw* libraries,
 * libva and libdrm. The JNI wrappers and ffprobe are left out. The closure is computed rather than
 * listed because the sonames change with every FFmpeg major version. Libraries the bundle does not
 * have come from the system: glibc and libstdc++, and libxcb, libxcb-shm, libasound and libpulse,
 * which libavdevice links although the transcoding never opens a device. JavaCPP builds it that way
 * (bytedeco/javacv#1579); in a chroot with nothing but glibc and libstdc++ the program stops at
 * {@code libxcb.so.1}, and the probe's error says so. A server without a desktop's libraries needs
 * those four installed, or a system ffmpeg.
 *
 * <p><b>Where.</b> Into {@code <directory>/onair-ffmpeg-<hash>}, the hash a SHA-256 prefix of the
 * program's bytes: another org.bytedeco release rebuilds the program and so gets a directory of its
 * own (the older one is left for whoever else on the machine may still run it). Written atomically:
 * into a fresh private temporary directory, then renamed into place, so a directory under its final
 * name is complete and two servers on one machine extracting at once both end up with a whole copy.
 * An existing directory is reused if every file of the closure is still there (a {@code /tmp}
 * cleaner may have removed some), and only if it is this user's and no one else can write to it: in
 * a shared {@code /tmp} another user could otherwise plant a program there for us to run.
 */
final class BundledFfmpeg {

  static final String RESOURCES = "org/bytedeco/ffmpeg/linux-x86_64-gpl/";
  static final String PROGRAM = "ffmpeg";

  /** The program and the libraries it needs from the bundle are 11 files. */
  private static final int MAX_FILES = 64;

  /** The program is 0.5 MB; it is hashed in memory. */
  private static final int MAX_PROGRAM_BYTES = 64 << 20;

  private static final Set<PosixFilePermission> PRIVATE_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final ClassLoader loader;
  private final Path directory;

  /**
   * @param loader the class loader that sees the org.bytedeco:ffmpeg jar
   * @param directory where the extracted copies are kept, created if missing
   */
  BundledFfmpeg(ClassLoader loader, Path directory) {
    this.loader = loader;
    this.directory = directory.toAbsolutePath();
  }

  /**
   * The extracted program, extracted now unless a complete copy of the same build is there.
   *
   * @throws FfmpegUnavailableException if there is no bundled program for this system, or it cannot
   *     be extracted
   */
  Path executable() throws FfmpegUnavailableException {
    requireLinuxX86_64();
    Path target = directory.resolve("onair-ffmpeg-" + hash(program()));
    try {
      Files.createDirectories(directory);
      Path fresh = Files.createTempDirectory(directory, ".onair-ffmpeg-");
      try {
        UserPrincipal self = Files.getOwner(fresh);
        if (!isComplete(target, self)) {
          Files.setPosixFilePermissions(fresh, PRIVATE_DIRECTORY);
          walk(fresh, true);
          install(fresh, target, self);
        }
      } finally {
        deleteTree(fresh);
      }
      return target.resolve(PROGRAM);
    } catch (IOException | UnsupportedOperationException e) {
      throw new FfmpegUnavailableException(
          "the bundled ffmpeg cannot be extracted to " + target + ": " + e, e);
    }
  }

  private static void requireLinuxX86_64() throws FfmpegUnavailableException {
    String os = System.getProperty("os.name", "");
    String arch = System.getProperty("os.arch", "");
    if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new FfmpegUnavailableException(
          "the bundled ffmpeg is for Linux x86-64, this is " + os + " " + arch);
    }
  }

  private byte[] program() throws FfmpegUnavailableException {
    try (InputStream in = loader.getResourceAsStream(RESOURCES + PROGRAM)) {
      if (in == null) {
        throw new FfmpegUnavailableException(
            "no bundled ffmpeg: org.bytedeco:ffmpeg:linux-x86_64-gpl is not on the class path");
      }
      byte[] bytes = in.readNBytes(MAX_PROGRAM_BYTES + 1);
      if (bytes.length > MAX_PROGRAM_BYTES) {
        throw new FfmpegUnavailableException(
            "the bundled ffmpeg program is larger than " + MAX_PROGRAM_BYTES + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new FfmpegUnavailableException("the bundled ffmpeg cannot be read: " + e, e);
    }
  }

  private static String hash(byte[] program) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(program);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Whether {@code target} holds every file of the closure.
   *
   * @throws IOException if it exists but is not a directory only {@code self} can change
   */
  private boolean isComplete(Path target, UserPrincipal self) throws IOException {
    PosixFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (!attributes.isDirectory()
        || !attributes.owner().equals(self)
        || permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IOException(
          target
              + " exists but is not a directory that only "
              + self.getName()
              + " can change, so its program cannot be trusted: remove it, or set"
              + " onair.ffmpeg.extract-dir to a directory of the server's own");
    }
    return walk(target, false);
  }

  /**
   * Walks from the program through the libraries each file needs, following those the bundle has.
   * With {@code copy}, copies each into {@code dir}; without, checks each is there.
   *
   * @return whether every file was there (always, with {@code copy})
   */
  private boolean walk(Path dir, boolean copy) throws IOException {
    Deque<String> pending = new ArrayDeque<>();
    pending.add(PROGRAM);
    Set<String> seen = new HashSet<>();
    int files = 0;
    while (!pending.isEmpty()) {
      String name = pending.removeFirst();
      if (!seen.add(name) || loader.getResource(RESOURCES + name) == null) {
        continue; // done already, or a system library
      }
      if (++files > MAX_FILES) {
        throw new IOException("the bundled ffmpeg needs more than " + MAX_FILES + " files");
      }
      Path file = dir.resolve(name);
      if (copy) {
        copy(name, file);
      } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      pending.addAll(ElfNeeded.of(file));
    }
    return true;
  }

  private void copy(String name, Path file) throws IOException {
    try (InputStream in = loader.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new NoSuchFileException(RESOURCES + name, null, "vanished from the class path");
      }
      Files.copy(in, file);
    }
    Files.setPosixFilePermissions(file, EXECUTABLE);
  }

  /**
   * Renames the complete {@code fresh} copy to {@code target}. If {@code target} appeared meanwhile
   * (another server on this machine) and is complete, that one is kept; if it is an incomplete copy
   * of ours, it is replaced.
   */
  private void install(Path fresh, Path target, UserPrincipal self) throws IOException {
    try {
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException taken) {
      if (isComplete(target, self)) {
        return;
      }
      deleteTree(target);
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
