package jp.expirynotices.report;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
            writeTemporary(tmp, content, true);
            move(tmp, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + target, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * Writes several files as {@link #write(Path, byte[])} does — each to a temporary name, forced to disk, then
     * renamed — in two halves, and forces them all at once: one disk flush serves many files, where one per file
     * would make the disk, not the processor, set the pace of a night's letters.
     *
     * <p>The first half: {@code bytes} written under the temporary name beside {@code target} (0640, not yet forced
     * to disk), so that the caller need not keep them in memory until {@link #publishAll}. Returns the temporary
     * file; on failure none is left.
     */
    public static Path stage(Path target, byte[] bytes) {
        directory(target.toAbsolutePath().getParent());
        Path tmp = temporaryFor(target);
        try {
            writeTemporary(tmp, bytes);
            return tmp;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * The second half of {@link #stage}: the staged files (by their targets) forced to disk all at once, then each
     * renamed to its target. When this returns every file is on disk under its name; when it fails, none of the
     * temporary files is left.
     */
    public static void publishAll(SequencedMap<Path, Path> stagedByTarget) {
        if (stagedByTarget.isEmpty()) {
            return;
        }
        try {
            forceAll(List.copyOf(stagedByTarget.values()));
            for (var file : stagedByTarget.entrySet()) {
                move(file.getValue(), file.getKey());
            }
        } catch (IOException e) {
            stagedByTarget.values().forEach(OutputFiles::deleteQuietly);
            throw new UncheckedIOException("cannot write " + stagedByTarget.size() + " files in "
                    + stagedByTarget.firstEntry().getKey().getParent(), e);
        } catch (RuntimeException e) {
            stagedByTarget.values().forEach(OutputFiles::deleteQuietly);
            throw e;
        }
    }

    /** Forces {@code files} to disk concurrently (a thread each: the file system joins the flushes). */
    private static void forceAll(List<Path> files) throws IOException {
        List<Future<?>> flushes = new ArrayList<>(files.size());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Path file : files) {
                flushes.add(executor.submit(() -> {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                    return null;
                }));
            }
        }
        for (var flush : flushes) {
            try {
                flush.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while flushing files to disk");
            }
        }
    }

    /** Writes {@code tmp} afresh, 0640 from the start; forced to disk when {@code force}. */
    private static void writeTemporary(Path tmp, Content content, boolean force) throws IOException {
        try (FileChannel channel = create(tmp);
             OutputStream out = Channels.newOutputStream(channel)) {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            // PDF libraries close the stream they were given: keep the channel open to force it to disk.
            content.writeTo(new FilterOutputStream(buffered) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    buffered.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            buffered.flush();
            if (force) {
                channel.force(true);
            }
        }
        if (POSIX) {
            Files.setPosixFilePermissions(tmp, FILE);
        }
    }

    /**
     * Writes {@code bytes} to {@code tmp} afresh, 0640 from the start, in one write: a file written whole from memory
     * (a letter) needs no buffer, and a night of letters would allocate one per file.
     */
    private static void writeTemporary(Path tmp, byte[] bytes) throws IOException {
        try (FileChannel channel = create(tmp)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        if (POSIX) {
            Files.setPosixFilePermissions(tmp, FILE);
        }
    }

    /** A new, empty {@code tmp} open for writing. */
    private static FileChannel create(Path tmp) throws IOException {
        // Created 0640 (not the umask's mode): personal data is never readable by others, even half-written.
        Files.deleteIfExists(tmp);
        return POSIX
                ? FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(FILE))
                : FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
