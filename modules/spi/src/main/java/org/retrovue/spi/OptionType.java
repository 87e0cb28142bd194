package org.retrovue.spi;

/**
 * How an option's value is typed, checked and completed. The program checks a value against its option's type
 * before the plugin's {@link SourceKind#validate} sees it, and hands it on in a canonical form:
 * <ul>
 *   <li>{@code STRING}: any text, stripped;</li>
 *   <li>{@code PATH}: a file or directory name, completed as one; stripped;</li>
 *   <li>{@code URL}: an absolute http:// or https:// address with a host;</li>
 *   <li>{@code INTEGER}: a whole number, within {@link OptionSpec#min()} and {@link OptionSpec#max()} when declared;
 *       handed on in decimal ({@code "1000"});</li>
 *   <li>{@code BOOLEAN} (since SPI 1.5): yes/no, true/false, on/off; handed on as {@code "true"} or {@code "false"};</li>
 *   <li>{@code CHOICE} (since SPI 1.5): one of {@link OptionSpec#choices()}, any case; handed on as declared.</li>
 * </ul>
 */
public enum OptionType {
    STRING, PATH, URL, INTEGER, BOOLEAN, CHOICE
}
