package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.expirynotices.expiry.Certificate;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.CertificateStatus;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.registry.Resident;

/** The select step's sorted runs give back every staged resident, whole and in mailing order. */
class SelectionSpillTest {

    @TempDir
    Path tmp;

    static Candidate resident(int line, String id, String postal, Candidate.Status status) {
        List<Certificate> certs = line % 3 == 0 ? List.of()
                : List.of(new Certificate(CertificateKind.SIGN, LocalDate.of(2021, 3, line % 28 + 1),
                                Optional.of(LocalDate.of(2026, 3, 1)), CertificateStatus.ACTIVE),
                        new Certificate(CertificateKind.AUTH, LocalDate.of(2021, 3, 2), Optional.empty(),
                                line % 2 == 0 ? CertificateStatus.ACTIVE : CertificateStatus.values()[1]));
        Resident r = new Resident(line, id, "𠮷野 太郎" + line, line % 2 == 0 ? "" : "ヨシノ タロウ",
                LocalDate.of(1950 + line % 50, 2, 28), postal, "東京都豊島区南池袋", line % 5 == 0 ? "" : "1-2-" + line,
                line % 4 == 0 ? "サンシャイン　" + line + "号室" : "", LocalDate.of(2030, 1, 1), certs, line % 7 == 0);
        return new Candidate(r, status, status == Candidate.Status.HELD ? "GLYPH_MISSING: U+20BB7" : null,
                LocalDate.of(2027, 1, line % 28 + 1), line % 2 == 0 ? "AUTH;SIGN" : "SIGN",
                ExpiryReason.values()[line % ExpiryReason.values().length],
                line % 2 == 0 ? EnumSet.of(CertificateKind.SIGN) : Set.of(), 0);
    }

    @Test
    void aResidentReadBackEqualsTheOneWritten() throws Exception {
        for (int line = 2; line < 30; line++) {
            Candidate written = resident(line, "R" + line, "1700013",
                    line % 3 == 0 ? Candidate.Status.HELD : Candidate.Status.SELECTED).numbered(line * 11);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CandidateCodec.write(new DataOutputStream(bytes), written);
            Candidate read = CandidateCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(read).as("line %d", line).isEqualTo(written);
            assertThat(read.resident()).usingRecursiveComparison().isEqualTo(written.resident());
        }
    }

    @Test
    void runsMergeIntoTheBinaryOrderOfPostalCodeAndIdWithFewFilesOpen() throws Exception {
        Random random = new Random(20261205);
        String alphabet = "abzABZ019_-";
        List<Candidate> staged = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        while (staged.size() < 1000) {
            StringBuilder id = new StringBuilder().append(alphabet.charAt(random.nextInt(8)));
            for (int i = random.nextInt(4); i >= 0; i--) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (ids.add(id.toString())) {
                staged.add(resident(staged.size() + 2, id.toString(), "17000" + (10 + random.nextInt(5)),
                        random.nextInt(9) == 0 ? Candidate.Status.HELD : Candidate.Status.SELECTED));
            }
        }
        SelectionSpill spill = new SelectionSpill(tmp.resolve(".selection-3"), 37, 4);
        SelectionSpill.Writer writer = spill.writer();
        int mostFiles = 0;
        for (Candidate c : staged) {
            writer.add(c);
            mostFiles = Math.max(mostFiles, files(spill).size());
        }
        writer.finish();
        // 1 000 residents in runs of 37 would be 28 files; merged whenever 4 are there.
        assertThat(mostFiles).isLessThanOrEqualTo(4);
        assertThat(files(spill)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.getFileName().toString()).matches("run-\\d{6}\\.bin");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        });

        List<Candidate> merged = new ArrayList<>();
        try (SelectionSpill.Merge merge = spill.merge()) {
            for (Candidate c; (c = merge.next()) != null; ) {
                merged.add(c);
            }
            assertThat(merge.next()).isNull();
        }
        List<Candidate> expected = new ArrayList<>(staged);
        // Binary order (UTF-16 units of ASCII ids): 'Z' before '_' before 'a', '-' before '0'.
        expected.sort(Comparator.comparing((Candidate c) -> c.resident().postalCode())
                .thenComparing(Candidate::residentId));
        assertThat(merged).containsExactlyElementsOf(expected);
        Collections.shuffle(expected, random);
        assertThat(merged).isNotEqualTo(expected);

        spill.delete();
        assertThat(spill.exists()).isFalse();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aDamagedRunIsNamedNotMisread() throws Exception {
        SelectionSpill spill = new SelectionSpill(tmp.resolve(".selection-4"), 10, 8);
        SelectionSpill.Writer writer = spill.writer();
        for (int i = 0; i < 25; i++) {
            writer.add(resident(i + 2, "R" + i, "1700001", Candidate.Status.SELECTED));
        }
        writer.finish();
        Path second = files(spill).get(1);
        byte[] bytes = Files.readAllBytes(second);
        Files.write(second, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        assertThatThrownBy(() -> {
            try (SelectionSpill.Merge merge = spill.merge()) {
                while (merge.next() != null) {
                    // read to the end
                }
            }
        }).isInstanceOf(UncheckedIOException.class).hasMessageContaining(second.toString())
                .hasMessageContaining("ends early");

        Files.write(second, "not a run".getBytes());
        assertThatThrownBy(spill::merge).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(second.toString());
    }

    private static List<Path> files(SelectionSpill spill) throws Exception {
        if (!spill.exists()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spill.directory())) {
            return files.sorted().toList();
        }
    }
}
