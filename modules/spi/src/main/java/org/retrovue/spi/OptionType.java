package org.retrovue.spi;

/** How an option's value is typed and completed: a path completes as a file name, a URL is checked as one. */
public enum OptionType {
    STRING, PATH, URL, INTEGER
}
