package org.retrovue.fakeplex;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** Plex's XML: one element per node, values as attributes (booleans as 1 and 0), one element per line. */
final class XmlContainerWriter implements ContainerWriter {
    private final Writer out;
    private String containerName;

    XmlContainerWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(Node container, String childKey) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
        out.write(container.name());
        attributes(container.attributes());
        out.write(">\n");
        containerName = container.name();
    }

    @Override
    public void child(Node node) throws IOException {
        out.write('<');
        out.write(node.name());
        attributes(node.attributes());
        if (node.children().isEmpty()) {
            out.write(" />\n");
            return;
        }
        out.write(">\n");
        for (Node child : node.children()) {
            child(child);
        }
        out.write("</");
        out.write(node.name());
        out.write(">\n");
    }

    @Override
    public void end() throws IOException {
        out.write("</" + containerName + ">\n");
        out.flush();
    }

    private void attributes(Map<String, Object> attributes) throws IOException {
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            out.write(' ');
            out.write(attribute.getKey());
            out.write("=\"");
            Object value = attribute.getValue();
            out.write(value instanceof Boolean flag ? (flag ? "1" : "0") : escape(String.valueOf(value)));
            out.write('"');
        }
    }

    /** Escapes an attribute value; characters XML 1.0 cannot carry at all are dropped. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\t' -> escaped.append("&#9;");
                case '\n' -> escaped.append("&#10;");
                case '\r' -> escaped.append("&#13;");
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
