package org.burgers.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enum choices as documents and flags spell them: the constant's name in lower case with '-' for '_'
 * ({@code SECOND_ORDER} is "second-order"), matched case-insensitively; an unknown word is an input error
 * that lists the words there are.
 */
public final class Choices {
    private Choices() {
    }

    /**
     * @param what what is being chosen, for the error ("elastic shifts")
     * @param fallback the choice when {@code text} is null (the key is absent)
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback, String what) {
        if (text == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (word(e).equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new InputException(what + " '" + text + "': expected " + Arrays.stream(type.getEnumConstants())
                .map(Choices::word).collect(Collectors.joining(", ")));
    }

    /** The word of a constant: "second-order" for SECOND_ORDER. */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
