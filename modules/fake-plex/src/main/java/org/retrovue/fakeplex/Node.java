package org.retrovue.fakeplex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a response, format-neutral: a name, attributes in order (String, Number or Boolean values) and
 * child elements. XML writes it as an element; JSON as an object whose children are grouped in arrays by name.
 */
final class Node {
    private final String name;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final List<Node> children = new ArrayList<>();

    Node(String name) {
        this.name = name;
    }

    Node attr(String key, Object value) {
        attributes.put(key, value);
        return this;
    }

    Node child(Node node) {
        children.add(node);
        return this;
    }

    /** This node without its children named {@code childName}. */
    Node without(String childName) {
        children.removeIf(child -> child.name().equals(childName));
        return this;
    }

    String name() {
        return name;
    }

    Map<String, Object> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    List<Node> children() {
        return Collections.unmodifiableList(children);
    }
}
