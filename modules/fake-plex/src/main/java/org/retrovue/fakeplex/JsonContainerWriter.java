package org.retrovue.fakeplex;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plex's JSON: {@code {"MediaContainer":{...}}}, numbers and booleans unquoted, children grouped in arrays named
 * after them. Like Plex, an empty container has no child array at all.
 */
final class JsonContainerWriter implements ContainerWriter {
    private final Writer out;
    private String childKey;
    private boolean firstMember = true;
    private boolean firstChild = true;

    JsonContainerWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(Node container, String childKey) throws IOException {
        this.childKey = childKey;
        out.write('{');
        out.write(escape(container.name()));
        out.write(":{");
        firstMember = members(container.attributes());
    }

    @Override
    public void child(Node node) throws IOException {
        if (firstChild) {
            if (!firstMember) {
                out.write(',');
            }
            out.write(escape(childKey));
            out.write(":[");
            firstChild = false;
        } else {
            out.write(',');
        }
        object(node);
    }

    @Override
    public void end() throws IOException {
        out.write(firstChild ? "}}" : "]}}");
        out.flush();
    }

    private void object(Node node) throws IOException {
        out.write('{');
        boolean first = members(node.attributes());
        Map<String, List<Node>> groups = new LinkedHashMap<>();
        for (Node child : node.children()) {
            groups.computeIfAbsent(child.name(), name -> new ArrayList<>()).add(child);
        }
        for (Map.Entry<String, List<Node>> group : groups.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(escape(group.getKey()));
            out.write(":[");
            for (int i = 0; i < group.getValue().size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                object(group.getValue().get(i));
            }
            out.write(']');
        }
        out.write('}');
    }

    /** Writes the attributes as members; answers whether there were none. */
    private boolean members(Map<String, Object> attributes) throws IOException {
        boolean first = true;
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(escape(attribute.getKey()));
            out.write(':');
            Object value = attribute.getValue();
            if (value instanceof Number || value instanceof Boolean) {
                out.write(value.toString());
            } else {
                out.write(escape(String.valueOf(value)));
            }
        }
        return first;
    }

    /** The value as a quoted JSON string. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.append('"').toString();
    }
}
