package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lipf.scenario.YamlNode;

class YamlTextTest {
    private static String roundTrip(String yaml) {
        return YamlText.of(YamlNode.parse(yaml, "t", false));
    }

    @Test
    void flowTextOfANodeReadsBackAsTheSameNode() {
        String yaml = """
                a: 5 mA/cm^2
                b: [1, -0.45 V, 20 %]
                c: {x: 2 um, "y: z": 'comma, inside', hash: "a # b", quote: 'say "hi"'}
                """;
        String once = roundTrip(yaml);
        assertEquals("{a: 5 mA/cm^2, b: [1, -0.45 V, 20 %], c: {x: 2 um, \"y: z\": \"comma, inside\", hash: \"a # b\", quote: \"say \\\"hi\\\"\"}}", once);
        assertEquals(once, roundTrip(once), "the flow text parses back to the same tree");
    }
}
