package jp.expirynotices.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryCalculatorTest {

    private final ExpiryCalculator calc = ExpiryCalculator.defaults();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static Certificate sign(String issued) {
        return new Certificate(CertificateKind.SIGN, d(issued), Optional.empty(), CertificateStatus.ACTIVE);
    }

    private static Certificate auth(String issued) {
        return new Certificate(CertificateKind.AUTH, d(issued), Optional.empty(), CertificateStatus.ACTIVE);
    }

    private static Certificate recorded(CertificateKind kind, String issued, String expiry) {
        return new Certificate(kind, d(issued), Optional.of(d(expiry)), CertificateStatus.ACTIVE);
    }

    private static Certificate revoked(CertificateKind kind, String issued) {
        return new Certificate(kind, d(issued), Optional.empty(), CertificateStatus.REVOKED);
    }

    private CertificateExpiry only(ResidentAssessment a, CertificateKind kind) {
        return a.certificates().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    @Nested
    class FifthBirthday {
        @ParameterizedTest(name = "birth {0}, issued {1} -> {2}")
        @CsvSource({
                // domain.md §2 examples: a birthday on the issue date itself does not count
                "1985-11-14, 2021-11-14, 2026-11-14",
                "1985-11-14, 2021-11-13, 2025-11-14",
                "1985-11-14, 2021-11-15, 2026-11-14",
                // issued on the day after birth
                "2020-03-10, 2020-03-11, 2025-03-10",
                // issued on the birth date itself (a newborn): that day is not a birthday after issue
                "2020-03-10, 2020-03-10, 2025-03-10",
                // year-end birthdays
                "1970-12-31, 2021-12-31, 2026-12-31",
                "1970-01-01, 2021-12-31, 2026-01-01",
        })
        void isTheFifthBirthdayStrictlyAfterIssue(String birth, String issued, String expected) {
            assertThat(calc.fifthBirthdayAfter(d(birth), d(issued))).isEqualTo(d(expected));
        }

        @ParameterizedTest(name = "29 Feb birth, issued {0}, {1} -> {2}")
        @CsvSource({
                "2022-06-01, FEB_28, 2027-02-28",
                "2022-06-01, MAR_1, 2027-03-01",
                // the fifth birthday falls in a leap year: the policy does not apply
                "2023-06-01, FEB_28, 2028-02-29",
                "2023-06-01, MAR_1, 2028-02-29",
                // issued on 28 Feb of a common year: under FEB_28 that day is the birthday, so it does not count
                "2023-02-28, FEB_28, 2028-02-29",
                "2023-02-28, MAR_1, 2027-03-01",
        })
        void leapDayBirthdaysFollowThePolicy(String issued, LeapDayPolicy policy, String expected) {
            ExpiryCalculator c = new ExpiryCalculator(policy, 3);
            assertThat(c.fifthBirthdayAfter(d("2000-02-29"), d(issued))).isEqualTo(d(expected));
        }
    }

    @Nested
    class WindowOpens {
        @ParameterizedTest(name = "E={0} opens {1}")
        @CsvSource({
                "2027-02-14, 2026-11-15",
                // month-end clamping: 2027-02-28 - 3 months = 2026-11-28, + 1 day
                "2027-02-28, 2026-11-29",
                "2026-11-30, 2026-08-31",
                "2026-05-31, 2026-03-01",
                // leap 2028: 2028-02-29 - 3 months = 2027-11-29
                "2028-02-29, 2027-11-30",
                "2027-03-31, 2027-01-01",
        })
        void opensThreeMonthsBeforeExpiryPlusOneDay(String expiry, String opens) {
            assertThat(calc.windowOpens(d(expiry))).isEqualTo(d(opens));
        }

        @Test
        void windowLengthIsConfigurable() {
            assertThat(new ExpiryCalculator(LeapDayPolicy.FEB_28, 6).windowOpens(d("2027-02-14")))
                    .isEqualTo(d("2026-08-15"));
            assertThatThrownBy(() -> new ExpiryCalculator(LeapDayPolicy.FEB_28, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Due {
        // birth 1985-11-14, issued 2022-02-01 -> own limit 2027-02-14 (5th birthday after issue: 2022..2026? no)
        @ParameterizedTest(name = "R={0} due={1}")
        @CsvSource({
                "2026-11-14, false",
                "2026-11-15, true",
                "2027-01-01, true",
                "2027-02-14, true",
                "2027-02-15, false",
        })
        void dueFromWindowOpeningThroughExpiryInclusive(String runDate, boolean due) {
            // birth 1990-02-14, issued 2022-02-15 -> birthdays after issue: 2023..2027 -> 2027-02-14
            ResidentAssessment a = calc.assess(d("1990-02-14"), d("2032-02-14"), List.of(auth("2022-02-15")),
                    d(runDate));
            CertificateExpiry e = only(a, CertificateKind.AUTH);
            assertThat(e.expiry()).isEqualTo(d("2027-02-14"));
            assertThat(e.windowOpens()).isEqualTo(d("2026-11-15"));
            assertThat(e.due()).isEqualTo(due);
            assertThat(a.due()).isEqualTo(due);
        }

        @ParameterizedTest(name = "R={0}")
        @CsvSource({"2026-11-28, false", "2026-11-29, true", "2026-11-30, true"})
        void monthEndRunDates(String runDate, boolean due) {
            // card expires 2027-02-28: window opens 2026-11-29
            ResidentAssessment a = calc.assess(d("1960-06-01"), d("2027-02-28"), List.of(auth("2022-06-02")),
                    d(runDate));
            assertThat(only(a, CertificateKind.AUTH).reason()).isEqualTo(ExpiryReason.CARD_EXPIRY);
            assertThat(a.due()).isEqualTo(due);
        }

        @Test
        void leapYearWindow2028() {
            // own limit 2028-02-29 (birth on 29 Feb, 5th birthday in a leap year): opens 2027-11-30
            ResidentAssessment before = calc.assess(d("2000-02-29"), d("2033-01-01"), List.of(auth("2023-06-01")),
                    d("2027-11-29"));
            ResidentAssessment on = calc.assess(d("2000-02-29"), d("2033-01-01"), List.of(auth("2023-06-01")),
                    d("2027-11-30"));
            assertThat(only(on, CertificateKind.AUTH).expiry()).isEqualTo(d("2028-02-29"));
            assertThat(before.due()).isFalse();
            assertThat(on.due()).isTrue();
        }
    }

    @Nested
    class Caps {
        @Test
        void cardExpiryCapsBothCertificates() {
            ResidentAssessment a = calc.assess(d("1985-12-20"), d("2026-12-01"),
                    List.of(sign("2021-12-21"), auth("2021-12-21")), d("2026-11-24"));
            assertThat(a.certificates()).allSatisfy(c -> {
                assertThat(c.expiry()).isEqualTo(d("2026-12-01"));
                assertThat(c.reason()).isEqualTo(ExpiryReason.CARD_EXPIRY);
            });
            assertThat(a.reason()).contains(ExpiryReason.CARD_EXPIRY);
            assertThat(a.dueKindsCode()).isEqualTo("AUTH;SIGN");
        }

        @Test
        void signIsCappedByTheActiveAuthCertificate() {
            // AUTH issued earlier: its 5th birthday comes first and caps SIGN
            ResidentAssessment a = calc.assess(d("1985-11-14"), d("2031-01-01"),
                    List.of(sign("2021-11-15"), auth("2020-11-15")), d("2025-10-01"));
            assertThat(only(a, CertificateKind.AUTH).expiry()).isEqualTo(d("2025-11-14"));
            CertificateExpiry s = only(a, CertificateKind.SIGN);
            assertThat(s.ownLimit()).isEqualTo(d("2026-11-14"));
            assertThat(s.expiry()).isEqualTo(d("2025-11-14"));
            assertThat(s.reason()).isEqualTo(ExpiryReason.AUTH_CERT_EXPIRY);
        }

        @Test
        void revokedAuthDoesNotCapSign() {
            ResidentAssessment a = calc.assess(d("1985-11-14"), d("2031-01-01"),
                    List.of(sign("2021-11-15"), revoked(CertificateKind.AUTH, "2020-11-15")), d("2026-10-01"));
            assertThat(a.certificates()).hasSize(1);
            CertificateExpiry s = only(a, CertificateKind.SIGN);
            assertThat(s.expiry()).isEqualTo(d("2026-11-14"));
            assertThat(s.reason()).isEqualTo(ExpiryReason.OWN_LIMIT);
        }

        @Test
        void recordedExpiryWinsOverComputation() {
            ResidentAssessment a = calc.assess(d("1985-11-14"), d("2031-01-01"),
                    List.of(recorded(CertificateKind.AUTH, "2021-11-15", "2027-11-14")), d("2027-09-01"));
            CertificateExpiry e = only(a, CertificateKind.AUTH);
            assertThat(e.ownLimit()).isEqualTo(d("2027-11-14"));
            assertThat(e.leapDayPolicyUsed()).isFalse();
        }

        @Test
        void tiesGoToCardExpiryThenOwnLimit() {
            // own limit == card expiry
            ResidentAssessment a = calc.assess(d("1985-11-14"), d("2026-11-14"), List.of(auth("2021-11-14")),
                    d("2026-11-01"));
            assertThat(only(a, CertificateKind.AUTH).reason()).isEqualTo(ExpiryReason.CARD_EXPIRY);
            // SIGN own limit == AUTH expiry (both own limits): OWN_LIMIT before AUTH_CERT_EXPIRY
            ResidentAssessment b = calc.assess(d("1985-11-14"), d("2031-01-01"),
                    List.of(sign("2021-11-15"), auth("2021-11-15")), d("2026-11-01"));
            assertThat(only(b, CertificateKind.SIGN).reason()).isEqualTo(ExpiryReason.OWN_LIMIT);
        }

        @Test
        void manifestReasonIsTheEarliestDueCertificatesWithTieOrder() {
            // SIGN capped by AUTH (AUTH_CERT_EXPIRY) and AUTH by its own limit on the same date: OWN_LIMIT wins
            ResidentAssessment a = calc.assess(d("1985-11-14"), d("2031-01-01"),
                    List.of(sign("2021-11-15"), auth("2020-11-15")), d("2025-10-01"));
            assertThat(a.earliestExpiry()).contains(d("2025-11-14"));
            assertThat(a.reason()).contains(ExpiryReason.OWN_LIMIT);
        }
    }

    @Nested
    class NotDue {
        @Test
        void reasons() {
            assertThat(calc.assess(d("1985-11-14"), d("2030-01-01"), List.of(), d("2026-11-24")).notDueReason())
                    .contains(NotDueReason.NO_CERTIFICATE);
            assertThat(calc.assess(d("1985-11-14"), d("2030-01-01"),
                    List.of(revoked(CertificateKind.SIGN, "2021-01-01")), d("2026-11-24")).notDueReason())
                    .contains(NotDueReason.NO_CERTIFICATE);
            assertThat(calc.assess(d("1985-11-14"), d("2026-11-01"), List.of(auth("2021-11-15")), d("2026-11-24"))
                    .notDueReason()).contains(NotDueReason.CARD_EXPIRED);
            assertThat(calc.assess(d("1985-11-14"), d("2031-01-01"), List.of(auth("2020-11-15")), d("2026-11-24"))
                    .notDueReason()).contains(NotDueReason.EXPIRED);
            assertThat(calc.assess(d("1985-11-14"), d("2031-01-01"), List.of(auth("2024-11-15")), d("2026-11-24"))
                    .notDueReason()).contains(NotDueReason.NOT_YET_DUE);
            ResidentAssessment due = calc.assess(d("1985-11-14"), d("2031-01-01"), List.of(auth("2021-11-15")),
                    d("2026-11-01"));
            assertThat(due.notDueReason()).isEmpty();
            assertThat(due.withAlreadyNotified(Set.of(CertificateKind.AUTH)).notDueReason())
                    .contains(NotDueReason.ALREADY_NOTIFIED);
        }

        @Test
        void alreadyNotifiedKindIsLeftOutOfTheLetter() {
            ResidentAssessment a = calc.assess(d("1985-12-20"), d("2026-12-01"),
                    List.of(sign("2021-12-21"), auth("2021-12-21")), d("2026-11-24"))
                    .withAlreadyNotified(Set.of(CertificateKind.AUTH));
            assertThat(a.dueKindsCode()).isEqualTo("SIGN");
            assertThat(a.due()).isTrue();
        }
    }

    @Nested
    class Minor {
        @ParameterizedTest(name = "birth {0}, R {1}: minor={2}")
        @CsvSource({
                "2011-11-25, 2026-11-24, true",
                "2011-11-24, 2026-11-24, false",
                // 29 Feb birth turns 15 on 1 March in a common year
                "2012-02-29, 2027-02-28, true",
                "2012-02-29, 2027-03-01, false",
        })
        void underFifteenOnTheRunDate(String birth, String run, boolean minor) {
            assertThat(calc.assess(d(birth), d("2030-01-01"), List.of(), d(run)).minor()).isEqualTo(minor);
        }
    }

    @Test
    void leapDayPolicyUseIsReported() {
        ResidentAssessment a = calc.assess(d("2000-02-29"), d("2033-01-01"), List.of(auth("2022-06-01")),
                d("2026-12-01"));
        assertThat(only(a, CertificateKind.AUTH).expiry()).isEqualTo(d("2027-02-28"));
        assertThat(a.leapDayPolicyUsed()).isTrue();
        ResidentAssessment b = calc.assess(d("2000-03-01"), d("2033-01-01"), List.of(auth("2022-06-01")),
                d("2026-12-01"));
        assertThat(b.leapDayPolicyUsed()).isFalse();
    }
}
