package org.retrovue.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.retrovue.spi.SpiVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code retrovue --version}: the program, SPI and Java versions. */
public final class VersionProvider implements IVersionProvider {
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/retrovue/cli/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "retrovue " + version(),
            "source SPI " + SpiVersion.MAJOR + "." + SpiVersion.MINOR + ", Java " + Runtime.version()
        };
    }
}
