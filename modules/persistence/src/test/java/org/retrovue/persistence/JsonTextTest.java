package org.retrovue.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void roundTripsPlainValuesKeepingKeyOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", "text with \"quotes\" and \u00e9");
        value.put("a", 42L);
        value.put("big", new BigInteger("123456789012345678901234567890"));
        value.put("pi", 3.5);
        value.put("yes", true);
        value.put("none", null);
        value.put("list", Arrays.asList(1L, "two", false, null, Map.of("k", "v")));
        String text = JsonText.write(value);
        assertEquals("{\"z\":\"text with \\\"quotes\\\" and \u00e9\",\"a\":42,\"big\":123456789012345678901234567890,\"pi\":3.5,"
                + "\"yes\":true,\"none\":null,\"list\":[1,\"two\",false,null,{\"k\":\"v\"}]}", text);
        assertEquals(value, JsonText.readObject(text));
        assertEquals(List.copyOf(value.keySet()), List.copyOf(JsonText.readObject(text).keySet()));
    }

    @Test
    void prettyPrintsLikeJacksonsDefaultPrinter() {
        StringWriter out = new StringWriter();
        JsonText.write(List.of(Map.of("a", List.of())), out, true);
        assertEquals("[ {\n  \"a\" : [ ]\n} ]", out.toString());
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertNull(JsonText.readObject(null));
        assertThrows(IllegalArgumentException.class, () -> JsonText.readObject("[1]"));
        assertThrows(IllegalArgumentException.class, () -> JsonText.readObject("{\"a\":"));
    }
}
