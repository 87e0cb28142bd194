package org.retrovue.spi;

/**
 * The version of this SPI. A plugin returns {@link #MAJOR} from {@link SourceKind#spiMajorVersion()}; the value is
 * compiled into the plugin, so the program can refuse a plugin built for a major version it does not support.
 * A change that breaks plugins bumps {@link #MAJOR}; an addition with a default bumps {@link #MINOR}.
 */
public final class SpiVersion {
    public static final int MAJOR = 1;
    public static final int MINOR = 6;

    private SpiVersion() {}
}
