package io.tributary.jdbc.json;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader of JSON text (RFC 8259) into plain Java values: {@link Map} (insertion ordered), {@link List},
 * {@link String}, {@link Long} or {@link BigInteger} for integers, {@link BigDecimal} for other numbers (exact, so
 * that DECIMAL values keep every digit), {@link Boolean} and {@code null}. The driver needs nothing more, and a
 * reader of its own keeps the jar free of dependencies.
 */
public final class JsonReader {

    private final String text;
    private int position;

    private JsonReader(String text) {
        this.text = requireNonNull(text, "text is null");
    }

    /** The value of a JSON document. */
    public static Object parse(String text) {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    private Object value() {
        if (position >= text.length()) {
            throw error("unexpected end of the text");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(name, value());
            skipWhitespace();
            char next = next();
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        position++;
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return Collections.emptyList();
        }
        List<Object> elements = new ArrayList<>();
        while (true) {
            skipWhitespace();
            elements.add(value());
            skipWhitespace();
            char next = next();
            if (next == ']') {
                return elements;
            }
            if (next != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        position++;
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                return text.substring(start, position++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            position++;
        }
        throw error("unterminated string");
    }

    private String escapedString(int start) {
        StringBuilder value = new StringBuilder(text.substring(start, position));
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case 'b': value.append('\b'); break;
                case 'f': value.append('\f'); break;
                case 'n': value.append('\n'); break;
                case 'r': value.append('\r'); break;
                case 't': value.append('\t'); break;
                case 'u':
                    if (position + 4 > text.length()) {
                        throw error("truncated unicode escape");
                    }
                    value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                    break;
                default:
                    value.append(escaped);
            }
        }
        throw error("unterminated string");
    }

    private Object number() {
        int start = position;
        boolean integral = true;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '.' || c == 'e' || c == 'E') {
                integral = false;
            } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
                break;
            }
            position++;
        }
        String digits = text.substring(start, position);
        if (integral) {
            if (digits.length() < 19) {
                return Long.parseLong(digits);
            }
            BigInteger big = new BigInteger(digits);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return new BigDecimal(digits);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected literal");
        }
        position += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            position++;
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end of the text");
        }
        return text.charAt(position);
    }

    private char next() {
        char c = peek();
        position++;
        return c;
    }

    private void expect(char expected) {
        if (next() != expected) {
            throw error("expected '" + expected + "'");
        }
    }

    private JsonException error(String problem) {
        int from = Math.max(0, position - 20);
        int to = Math.min(text.length(), position + 20);
        return new JsonException("malformed JSON at offset " + position + ": " + problem + " near '"
                + text.substring(from, to) + "'");
    }
}
