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
    }
}
