package jp.expirynotices.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each known column stands in the header row. Unknown columns are kept by name for one warning; a column
 * named twice is an error because a row could not say which value it means.
 */
public final class RegistryHeader {

    private final Map<RegistryColumn, Integer> positions;
    private final int width;
    private final List<String> unknown;
    private final Set<String> duplicated;

    private RegistryHeader(Map<RegistryColumn, Integer> positions, int width, List<String> unknown,
                           Set<String> duplicated) {
        this.positions = positions;
        this.width = width;
        this.unknown = List.copyOf(unknown);
        this.duplicated = Set.copyOf(duplicated);
    }

    public static RegistryHeader of(String[] names) {
        Map<RegistryColumn, Integer> positions = new EnumMap<>(RegistryColumn.class);
        List<String> unknown = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : names[i].strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!seen.add(name)) {
                duplicated.add(name);
                continue;
            }
            RegistryColumn column = byHeader(name);
            if (column == null) {
                unknown.add(name);
            } else {
                positions.put(column, i);
            }
        }
        return new RegistryHeader(positions, names.length, unknown, duplicated);
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
        return java.util.Arrays.stream(RegistryColumn.values())
                .filter(c -> c.required() && !positions.containsKey(c))
                .toList();
    }

    public List<String> unknownColumns() {
        return unknown;
    }

    public Set<String> duplicatedColumns() {
        return duplicated;
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
