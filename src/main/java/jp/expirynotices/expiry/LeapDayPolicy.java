package jp.expirynotices.expiry;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;

/**
 * Where a 29 February birthday falls in a common year. No primary source settles it, so it is an operator setting
 * (domain.md §2); {@link #FEB_28} is the default.
 */
public enum LeapDayPolicy {
    FEB_28,
    MAR_1;

    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

    /** The birthday of someone born on {@code birthDate}, in {@code year}. */
    public LocalDate birthdayIn(LocalDate birthDate, int year) {
        MonthDay md = MonthDay.from(birthDate);
        if (md.equals(LEAP_DAY) && !Year.isLeap(year)) {
            return this == FEB_28 ? LocalDate.of(year, 2, 28) : LocalDate.of(year, 3, 1);
        }
        return md.atYear(year);
    }

    /** True when this policy decides the birthday of {@code birthDate} in {@code year}. */
    public static boolean applies(LocalDate birthDate, int year) {
        return MonthDay.from(birthDate).equals(LEAP_DAY) && !Year.isLeap(year);
    }
}
