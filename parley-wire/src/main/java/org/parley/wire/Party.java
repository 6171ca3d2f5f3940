package org.parley.wire;

import java.util.regex.Pattern;

/**
 * One of the two parties of the hotline, by its configured name (e.g. {@code BLUE}, {@code RED}).
 *
 * <p>Names are upper-case ASCII so that they read the same in certificates, logs and over the
 * phone.
 */
public record Party(String name) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_-]{0,31}");

    public Party {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "party name must be 1-32 characters A-Z, 0-9, '_' or '-', starting with a letter: '" + name + "'");
        }
    }

    public static Party of(String name) {
        return new Party(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
