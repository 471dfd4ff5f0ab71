package jp.expirynotices.job;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.expirynotices.report.OutputFiles;

/**
 * The due residents of one run on their way from the select step to the database: sorted into mailing order in
 * runs of at most {@code runRows} residents, each run a file of its own in a hidden folder of the run folder
 * ({@code .selection-<job instance>}, 0750, files 0640: they hold personal data until the sequence step has loaded
 * them, then the folder is deleted). The sequence step merges the runs and inserts each resident once, numbered.
 *
 * <p>Why not insert in the select step: rows inserted in file order into the wide, indexed candidate table, then
 * numbered by a second pass that rewrote each of them, were most of the select step and all of the sequence step.
 * Not a source of truth: a select step that does not finish starts again from the first row with an empty folder.
 */
final class SelectionSpill {

    /** Residents per sorted run: about 5 MB of encoded rows held before a run is written. */
    static final int RUN_ROWS = 20_000;
    /** Runs kept side by side; more are merged into one first (open files and read buffers stay bounded). */
    static final int MAX_RUNS = 64;
    /** Marks a run file of this format: a run written by another format is refused, not misread. */
    private static final String FORMAT = "expiry-notices selection run 1";
    private static final Pattern RUN_FILE = Pattern.compile("run-\\d{6}\\.bin");
    /** Mailing order: postal code, then resident id (unique in a run), both as strings of code units. */
    private static int mailingOrder(String postalA, String idA, String postalB, String idB) {
        int byPostal = postalA.compareTo(postalB);
        return byPostal != 0 ? byPostal : idA.compareTo(idB);
    }

    private final Path dir;
    private final int runRows;
    private final int maxRuns;

    SelectionSpill(Path runFolder, long instanceId) {
        this(runFolder.resolve(".selection-" + instanceId), RUN_ROWS, MAX_RUNS);
    }

    SelectionSpill(Path dir, int runRows, int maxRuns) {
        this.dir = dir;
        this.runRows = runRows;
        this.maxRuns = Math.max(2, maxRuns);
    }

    Path directory() {
        return dir;
    }

    boolean exists() {
        return Files.isDirectory(dir);
    }

    /** Deletes the folder and every file in it; nothing to do if there is none. */
    void delete() {
        if (!exists()) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (NoSuchFileException gone) {
            // deleted meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** A writer into the folder, made with the first run (a run with nobody due leaves none). */
    Writer writer() {
        return new Writer();
    }

    /** The residents of every run written, in mailing order: postal code, then resident id (unique in a run). */
    Merge merge() {
        return new Merge(runFiles());
    }

    private List<Path> runFiles() {
        if (!exists()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> RUN_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Collects residents in memory, encoded, and writes them as a sorted run whenever {@code runRows} are held. */
    final class Writer {

        /** A resident's sort key and bytes: the rest of the resident is not kept in memory. */
        private record Encoded(String postalCode, String residentId, byte[] bytes) {
        }

        private final List<Encoded> held = new ArrayList<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        private final DataOutputStream data = new DataOutputStream(buffer);
        private int written;

        void add(Candidate candidate) {
            buffer.reset();
            try {
                CandidateCodec.write(data, candidate);
            } catch (IOException e) {
                throw new UncheckedIOException(e);   // a byte array does not fail
            }
            held.add(new Encoded(candidate.resident().postalCode(), candidate.residentId(), buffer.toByteArray()));
            if (held.size() >= runRows) {
                flush();
            }
        }

        /** Writes what is held; every run is on disk (written whole, forced, renamed) when this returns. */
        void finish() {
            flush();
        }

        private void flush() {
            if (held.isEmpty()) {
                return;
            }
            held.sort((a, b) -> mailingOrder(a.postalCode(), a.residentId(), b.postalCode(), b.residentId()));
            writeRun(out -> {
                out.writeInt(held.size());
                for (Encoded row : held) {
                    out.write(row.bytes());
                }
            });
            held.clear();
            if (runFiles().size() >= maxRuns) {
                mergeRuns();
            }
        }

        /** All runs so far into one (a registry with more than {@code runRows × maxRuns} due residents). */
        private void mergeRuns() {
            List<Path> runs = runFiles();
            try (Merge merge = new Merge(runs)) {
                writeRun(out -> {
                    out.writeInt(merge.remaining);
                    for (Candidate c; (c = merge.next()) != null; ) {
                        CandidateCodec.write(out, c);
                    }
                });
            }
            for (Path run : runs) {
                try {
                    Files.delete(run);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + run + " (merged into a later run)", e);
                }
            }
        }

        private void writeRun(RunContent content) {
            Path file = OutputFiles.directory(dir).resolve("run-%06d.bin".formatted(++written));
            OutputFiles.write(file, out -> {
                DataOutputStream data = new DataOutputStream(out);
                data.writeUTF(FORMAT);
                content.write(data);
                data.flush();
            });
        }
    }

    @FunctionalInterface
    private interface RunContent {
        void write(DataOutputStream out) throws IOException;
    }

    /** The runs' residents merged in mailing order, one at a time; holds one resident per run. */
    final class Merge implements AutoCloseable {

        private final class Run {
            private final Path file;
            private final DataInputStream in;
            private int left;
            private Candidate head;

            Run(Path file) throws IOException {
                this.file = file;
                this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 15));
                if (!FORMAT.equals(in.readUTF())) {
                    throw new IOException("not a selection run of this version");
                }
                this.left = in.readInt();
            }

            boolean advance() throws IOException {
                if (left == 0) {
                    return false;
                }
                left--;
                head = CandidateCodec.read(in);
                return true;
            }
        }

        private final PriorityQueue<Run> queue = new PriorityQueue<>((a, b) -> mailingOrder(
                a.head.resident().postalCode(), a.head.residentId(), b.head.resident().postalCode(),
                b.head.residentId()));
        private final List<Run> open = new ArrayList<>();
        private int remaining;

        private Merge(List<Path> files) {
            try {
                for (Path file : files) {
                    Run run = open(file);
                    remaining += run.left;
                    if (advance(run)) {
                        queue.add(run);
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private Run open(Path file) {
            try {
                Run run = new Run(file);
                open.add(run);
                return run;
            } catch (IOException e) {
                throw damaged(file, e);
            }
        }

        private boolean advance(Run run) {
            try {
                return run.advance();
            } catch (IOException e) {
                throw damaged(run.file, e);
            }
        }

        private UncheckedIOException damaged(Path file, IOException e) {
            return new UncheckedIOException("cannot read the staged selection " + file
                    + (e instanceof EOFException ? ": the file ends early" : ": " + e.getMessage()), e);
        }

        /** The next resident in mailing order, or null after the last. */
        Candidate next() {
            Run run = queue.poll();
            if (run == null) {
                return null;
            }
            Candidate next = run.head;
            remaining--;
            if (advance(run)) {
                queue.add(run);
            }
            return next;
        }

        @Override
        public void close() {
            for (Run run : open) {
                try {
                    run.in.close();
                } catch (IOException ignored) {
                    // read only: nothing is lost
                }
            }
            open.clear();
        }
    }
}
