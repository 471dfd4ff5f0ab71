package jp.expirynotices.job;

import jp.expirynotices.expiry.NotDueReason;
import jp.expirynotices.expiry.ResidentAssessment;
import jp.expirynotices.registry.Reject;

/** What the select step decided about one registry row. */
public sealed interface Screening {

    /** The row broke a rule of interfaces.md §1. */
    record Rejected(Reject reject) implements Screening {
    }

    /** Valid and due: selected for a letter or held. */
    record Staged(Candidate candidate, ResidentAssessment assessment) implements Screening {
    }

    /** Valid, no notice tonight. */
    record NotDue(NotDueReason reason, boolean leapDayPolicyUsed) implements Screening {

        private static final NotDue[] EACH = each();

        /** The one instance of each outcome: nine rows in ten of a registry end here, with no new object. */
        static NotDue of(NotDueReason reason, boolean leapDayPolicyUsed) {
            return EACH[reason.ordinal() * 2 + (leapDayPolicyUsed ? 1 : 0)];
        }

        private static NotDue[] each() {
            NotDue[] each = new NotDue[NotDueReason.values().length * 2];
            for (NotDueReason reason : NotDueReason.values()) {
                each[reason.ordinal() * 2] = new NotDue(reason, false);
                each[reason.ordinal() * 2 + 1] = new NotDue(reason, true);
            }
            return each;
        }
    }
}
