package jp.expirynotices.registry;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each known column stands in the header row. Unknown columns are kept by name (once each, an unnamed one as
 * {@code ""}) for one warning and otherwise ignored, even when named twice (spreadsheets export trailing unnamed
 * columns); a known column named twice is an error because a row could not say which value it means.
 */
public final class RegistryHeader {

    private final Map<RegistryColumn, Integer> positions;
    private final int width;
    private final List<String> unknown;
    private final Set<String> duplicated;
    private final boolean nulCharacters;

    private RegistryHeader(Map<RegistryColumn, Integer> positions, int width, Set<String> unknown,
                           Set<String> duplicated, boolean nulCharacters) {
        this.positions = positions;
        this.width = width;
        this.unknown = List.copyOf(unknown);
        this.duplicated = Collections.unmodifiableSet(new LinkedHashSet<>(duplicated));
        this.nulCharacters = nulCharacters;
    }

    public static RegistryHeader of(String[] names) {
        Map<RegistryColumn, Integer> positions = new EnumMap<>(RegistryColumn.class);
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        boolean nul = false;
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : names[i].strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            nul |= name.indexOf('\0') >= 0;
            RegistryColumn column = byHeader(name);
            if (column == null) {
                unknown.add(name.isEmpty() ? "\"\"" : name);
            } else if (positions.containsKey(column)) {
                duplicated.add(name);
            } else {
                positions.put(column, i);
            }
        }
        return new RegistryHeader(positions, names.length, unknown, duplicated, nul);
    }

    private static RegistryColumn byHeader(String name) {
        for (RegistryColumn c : RegistryColumn.values()) {
            if (c.header().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Required columns the header lacks, in the spec's order. */
    public List<RegistryColumn> missingRequired() {
        return Arrays.stream(RegistryColumn.values())
                .filter(c -> c.required() && !positions.containsKey(c))
                .toList();
    }

    public List<String> unknownColumns() {
        return unknown;
    }

    /** Known columns named more than once, in header order. */
    public Set<String> duplicatedColumns() {
        return duplicated;
    }

    /** Whether a header name holds a NUL character: a sign of UTF-16 read in an 8-bit encoding. */
    boolean hasNulCharacters() {
        return nulCharacters;
    }

    /** Number of fields in the header row; every row must have as many. */
    public int width() {
        return width;
    }

    /** The field of {@code column} in {@code fields}; empty when the header has no such column. */
    public String value(String[] fields, RegistryColumn column) {
        Integer i = positions.get(column);
        if (i == null || i >= fields.length || fields[i] == null) {
            return "";
        }
        return fields[i];
    }
}
