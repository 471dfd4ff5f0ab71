package jp.expirynotices.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.expirynotices.expiry.Certificate;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.CertificateStatus;
import jp.expirynotices.expiry.ExpiryReason;
import jp.expirynotices.registry.Resident;

/**
 * A staged resident as bytes, for the select step's sorted runs ({@link SelectionSpill}): every field, so that the
 * resident read back equals the one written. Enums go by name, not ordinal: a run written before an upgrade is
 * read by the upgraded version when a run is restarted.
 */
final class CandidateCodec {

    private static final long NO_DATE = Long.MIN_VALUE;

    private CandidateCodec() {
    }

    static void write(DataOutput out, Candidate c) throws IOException {
        Resident r = c.resident();
        out.writeLong(r.line());
        out.writeUTF(r.residentId());
        out.writeUTF(r.name());
        out.writeUTF(r.nameKana());
        date(out, r.birthDate());
        out.writeUTF(r.postalCode());
        out.writeUTF(r.addressTown());
        out.writeUTF(r.addressBlock());
        out.writeUTF(r.addressBuilding());
        date(out, r.cardExpiresOn());
        out.writeByte(r.certificates().size());
        for (Certificate cert : r.certificates()) {
            out.writeUTF(cert.kind().name());
            date(out, cert.issuedOn());
            date(out, cert.recordedExpiry().orElse(null));
            out.writeUTF(cert.status().name());
        }
        out.writeBoolean(r.holdMail());
        out.writeUTF(c.status().name());
        out.writeBoolean(c.heldReason() != null);
        if (c.heldReason() != null) {
            out.writeUTF(c.heldReason());
        }
        date(out, c.earliestExpiry());
        out.writeUTF(c.certificates());
        out.writeUTF(c.reason().name());
        out.writeUTF(RunStore.kinds(c.notifiedKinds()));
        out.writeInt(c.sequence());
    }

    static Candidate read(DataInput in) throws IOException {
        long line = in.readLong();
        String id = in.readUTF();
        String name = in.readUTF();
        String kana = in.readUTF();
        LocalDate birth = date(in);
        String postal = in.readUTF();
        String town = in.readUTF();
        String block = in.readUTF();
        String building = in.readUTF();
        LocalDate cardExpires = date(in);
        int certCount = in.readByte();
        List<Certificate> certs = new ArrayList<>(certCount);
        for (int i = 0; i < certCount; i++) {
            certs.add(new Certificate(CertificateKind.valueOf(in.readUTF()), date(in), Optional.ofNullable(date(in)),
                    CertificateStatus.valueOf(in.readUTF())));
        }
        boolean holdMail = in.readBoolean();
        Resident resident = new Resident(line, id, name, kana, birth, postal, town, block, building, cardExpires,
                certs, holdMail);
        Candidate.Status status = Candidate.Status.valueOf(in.readUTF());
        String heldReason = in.readBoolean() ? in.readUTF() : null;
        LocalDate earliest = date(in);
        String certificates = in.readUTF();
        ExpiryReason reason = ExpiryReason.valueOf(in.readUTF());
        Set<CertificateKind> notified = RunStore.parseKinds(in.readUTF());
        return new Candidate(resident, status, heldReason, earliest, certificates, reason, notified, in.readInt());
    }

    private static void date(DataOutput out, LocalDate date) throws IOException {
        out.writeLong(date == null ? NO_DATE : date.toEpochDay());
    }

    private static LocalDate date(DataInput in) throws IOException {
        long day = in.readLong();
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }
}
