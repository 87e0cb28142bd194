/**
 * How a plugin is loaded: its module layer over the host's, reading the SPI, the JDK and its own jars only. The
 * program loads plugins with it, and the SPI testkit loads a built plugin exactly the same way.
 */
module org.retrovue.pluginloader {
    exports org.retrovue.pluginloader;
}
