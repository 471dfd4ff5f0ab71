package jp.expirynotices.registry;

/** A registry row is either a valid {@link Resident} or a {@link Reject}. */
public sealed interface ValidationOutcome {

    record Valid(Resident resident) implements ValidationOutcome {
    }

    record Invalid(Reject reject) implements ValidationOutcome {
    }
}
