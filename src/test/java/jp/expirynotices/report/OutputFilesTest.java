package jp.expirynotices.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsNeverReadableByOthersNotEvenWhileItIsWritten() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path target = dir.resolve("out").resolve("letters").resolve("R1.pdf");
        AtomicReference<String> whileWriting = new AtomicReference<>();
        OutputFiles.write(target, out -> {
            out.write("%PDF".getBytes(StandardCharsets.US_ASCII));
            whileWriting.set(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(OutputFiles.temporaryFor(target))));
        });
        assertThat(whileWriting.get()).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.getParent())))
                .isEqualTo("rwxr-x---");
        assertThat(Files.readString(target)).isEqualTo("%PDF");
        assertThat(OutputFiles.temporaryFor(target)).doesNotExist();
    }

    @Test
    void manyFilesAreWrittenTogetherEachUnderItsNameWithoutTemporaries() throws Exception {
        java.util.SequencedMap<Path, byte[]> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            files.put(dir.resolve("letters").resolve("R" + i + ".pdf"), ("letter " + i).getBytes(StandardCharsets.UTF_8));
        }
        // a temporary file left by a killed run is replaced, not appended to
        Files.createDirectories(dir.resolve("letters"));
        Files.writeString(OutputFiles.temporaryFor(dir.resolve("letters").resolve("R3.pdf")), "half-written");
        java.util.SequencedMap<Path, Path> staged = new java.util.LinkedHashMap<>();
        files.forEach((target, bytes) -> staged.put(target, OutputFiles.stage(target, bytes)));
        OutputFiles.publishAll(staged);
        for (int i = 0; i < 40; i++) {
            Path letter = dir.resolve("letters").resolve("R" + i + ".pdf");
            assertThat(Files.readString(letter)).isEqualTo("letter " + i);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(letter))).isEqualTo("rw-r-----");
            }
        }
        try (var listing = Files.list(dir.resolve("letters"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).hasSize(40).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void stagedFilesWaitUnderTheirTemporaryNamesUntilPublishedAndNoneIsLeftWhenPublishingFails() throws Exception {
        Path a = dir.resolve("letters").resolve("A.pdf");
        Path b = dir.resolve("letters").resolve("B.pdf");
        java.util.SequencedMap<Path, Path> staged = new java.util.LinkedHashMap<>();
        staged.put(a, OutputFiles.stage(a, "letter A".getBytes(StandardCharsets.UTF_8)));
        staged.put(b, OutputFiles.stage(b, "letter B".getBytes(StandardCharsets.UTF_8)));
        assertThat(staged.get(a)).isEqualTo(OutputFiles.temporaryFor(a)).hasContent("letter A");
        assertThat(a).doesNotExist();
        OutputFiles.publishAll(staged);
        assertThat(a).hasContent("letter A");
        assertThat(b).hasContent("letter B");
        assertThat(OutputFiles.temporaryFor(a)).doesNotExist();

        // B cannot be renamed (a folder has its name): neither temporary file is left, A is published already
        Path c = dir.resolve("letters").resolve("C.pdf");
        Files.delete(b);
        Files.createDirectories(b.resolve("x"));
        java.util.SequencedMap<Path, Path> failing = new java.util.LinkedHashMap<>();
        failing.put(c, OutputFiles.stage(c, "letter C".getBytes(StandardCharsets.UTF_8)));
        failing.put(b, OutputFiles.stage(b, "letter B2".getBytes(StandardCharsets.UTF_8)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputFiles.publishAll(failing))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(OutputFiles.temporaryFor(b)).doesNotExist();
        assertThat(OutputFiles.temporaryFor(c)).doesNotExist();
    }

    @Test
    void aTemporaryFileLeftByAKilledRunIsReplaced() throws Exception {
        Path target = dir.resolve("summary.csv");
        Files.writeString(OutputFiles.temporaryFor(target), "half-written");
        OutputFiles.write(target, "metric,value\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("metric,value\n");
        assertThat(OutputFiles.temporaryFor(target)).doesNotExist();
    }
}
