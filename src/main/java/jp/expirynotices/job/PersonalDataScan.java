package jp.expirynotices.job;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jp.expirynotices.letter.Wareki;
import jp.expirynotices.registry.Resident;

/**
 * Finds a resident's personal data — name, reading, address, birth date — in a log text. The log is indexed once by
 * pairs of characters, so checking each of a night's residents costs a few look-ups, not a pass over the log.
 */
public final class PersonalDataScan {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    private final String log;
    private final LocalDate runDate;
    /** Every pair of characters of {@link #log} with where it starts ({@code pair << 32 | position}), sorted. */
    private final long[] pairs;

    /**
     * @param runDate dates equal to the run date are not looked for: the log names the run date on purpose
     */
    public PersonalDataScan(String log, LocalDate runDate) {
        this.log = log;
        this.runDate = runDate;
        this.pairs = new long[Math.max(0, log.length() - 1)];
        for (int i = 0; i + 1 < log.length(); i++) {
            pairs[i] = (long) pair(log, i) << 32 | i;
        }
        Arrays.sort(pairs);
    }

    /** What of {@code resident}'s personal data the log contains, by kind ("name", "address" ...); empty if none. */
    public List<String> found(Resident resident) {
        List<String> found = new ArrayList<>(0);
        check(found, "name", resident.name(), resident.name().replaceAll("[\\s\u3000]", ""));
        check(found, "name reading", resident.nameKana(), resident.nameKana().replaceAll("[\\s\u3000]", ""));
        check(found, "address", resident.addressTown() + resident.addressBlock(), resident.addressBlock().length() > 5
                ? resident.addressBlock() : "");
        check(found, "building", resident.addressBuilding());
        LocalDate birth = resident.birthDate();
        if (!birth.equals(runDate)) {
            check(found, "birth date", birth.toString(), birth.format(SLASHED), Wareki.format(birth));
        }
        return found;
    }

    private void check(List<String> found, String what, String... texts) {
        for (String text : texts) {
            String t = text.strip();
            if (t.length() >= 2 && contains(t)) {
                found.add(what);
                return;
            }
        }
    }

    private boolean contains(String text) {
        long first = (long) pair(text, 0) << 32;
        int at = Arrays.binarySearch(pairs, first);
        for (int i = at >= 0 ? at : -at - 1; i < pairs.length && (pairs[i] & 0xFFFFFFFF00000000L) == first; i++) {
            if (log.startsWith(text, (int) pairs[i])) {
                return true;
            }
        }
        return false;
    }

    private static int pair(String s, int i) {
        // unsigned pair of UTF-16 units, kept positive so that the sorted order groups equal pairs
        return ((s.charAt(i) << 16) | s.charAt(i + 1)) >>> 1;
    }
}
