package org.burgers.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChoicesTest {
    enum Mode { NONE, SECOND_ORDER }

    @Test
    void wordsAreLowerCaseWithHyphensAndUnknownWordsListTheChoices() {
        assertEquals(Mode.SECOND_ORDER, Choices.parse(Mode.class, " Second-Order ", Mode.NONE, "mode"));
        assertEquals(Mode.NONE, Choices.parse(Mode.class, null, Mode.NONE, "mode"));
        assertEquals("second-order", Choices.word(Mode.SECOND_ORDER));
        InputException e = assertThrows(InputException.class, () -> Choices.parse(Mode.class, "second_order", Mode.NONE,
                "mode"));
        assertTrue(e.getMessage().equals("mode 'second_order': expected none, second-order"), e.getMessage());
    }
}
