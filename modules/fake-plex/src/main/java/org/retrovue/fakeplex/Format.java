package org.retrovue.fakeplex;

import java.io.Writer;

/** The two answers Plex gives: XML unless the request accepts JSON. */
enum Format {
    XML("text/xml;charset=utf-8"),
    JSON("application/json");

    final String contentType;

    Format(String contentType) {
        this.contentType = contentType;
    }

    static Format forAccept(String accept) {
        return accept != null && accept.contains("application/json") ? JSON : XML;
    }

    ContainerWriter writer(Writer out) {
        return this == JSON ? new JsonContainerWriter(out) : new XmlContainerWriter(out);
    }
}
