package jp.expirynotices.registry;

import java.util.Arrays;

/**
 * One record as read from the CSV, before validation.
 *
 * @param line input line where the record starts (header = 1)
 */
public record RawRecord(long line, String[] fields) {

    @Override
    public String toString() {
        // Never the fields: they hold personal data.
        return "RawRecord[line " + line + ", " + fields.length + " fields]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRecord r && r.line == line && Arrays.equals(r.fields, fields);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(line) * 31 + Arrays.hashCode(fields);
    }
}
