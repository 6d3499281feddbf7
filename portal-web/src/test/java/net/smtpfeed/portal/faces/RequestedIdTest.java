package net.smtpfeed.portal.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestedIdTest {

    @Test
    void aNumberIsAnId() {
        assertEquals(Optional.of(67L), RequestedId.parse("67"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "-1", "6 7", "1e3", "67;DROP", "99999999999999999999"})
    void anythingElseNamesNothing(String raw) {
        assertTrue(RequestedId.parse(raw).isEmpty());
    }
}
