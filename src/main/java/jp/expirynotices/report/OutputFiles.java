package jp.expirynotices.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Every output file is written to a temporary name in its folder, flushed to disk, then renamed atomically: a
 * reader (or a crash) never sees half a file. Folders are 0750 and files 0640 where the file system has POSIX
 * permissions, because they hold personal data.
 */
public final class OutputFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwxr-x---");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");

    /** Writes the bytes that {@code content} produces. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {
    }

    public static Path directory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    directory(parent);
                }
                Files.createDirectories(dir);
                if (POSIX) {
                    Files.setPosixFilePermissions(dir, DIR);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + dir, e);
        }
    }

    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, Content content) {
        directory(target.toAbsolutePath().getParent());
        Path tmp = temporaryFor(target);
        try {
            // Created 0640 (not the umask's mode): personal data is never readable by others, even half-written.
            Files.deleteIfExists(tmp);
            try (FileChannel channel = POSIX
                    ? FileChannel.open(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(FILE))
                    : FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                OutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
                // PDF libraries close the stream they were given: keep the channel open to force it to disk.
                content.writeTo(new java.io.FilterOutputStream(buffered) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
                buffered.flush();
                channel.force(true);
            }
            if (POSIX) {
                Files.setPosixFilePermissions(tmp, FILE);
            }
            move(tmp, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + target, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original error matters more; the dot-file is overwritten by the next attempt
        }
    }

    /** The hidden temporary name beside {@code target}: {@code .name.tmp}. */
    public static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
