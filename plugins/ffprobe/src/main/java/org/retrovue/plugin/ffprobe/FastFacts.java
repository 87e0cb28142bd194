package org.retrovue.plugin.ffprobe;

import org.retrovue.plugin.ffprobe.fastpath.MediaFacts;

/** The fast path's facts as the SPI's public record; the IETF language tags, which the SPI does not carry, are left. */
final class FastFacts {
    private FastFacts() {}

    static org.retrovue.spi.MediaFacts toSpi(MediaFacts f) {
        return new org.retrovue.spi.MediaFacts(f.formatName(), f.durationSeconds() > 0 ? Math.round(f.durationSeconds() * 1000) : null,
                f.bitRate() > 0 ? f.bitRate() : null,
                f.video().stream().map(v -> new org.retrovue.spi.MediaFacts.Video(v.codec(), v.width(), v.height(), v.frameRate(),
                        org.retrovue.spi.MediaFacts.ScanType.valueOf(v.scanType().name()), v.sampleAspect(), v.displayAspect(), v.language())).toList(),
                // The fast path does not read default flags: none is claimed (MediaFacts.defaultAudio() then takes the first).
                f.audio().stream().map(a -> new org.retrovue.spi.MediaFacts.Audio(a.codec(), a.channels(), a.sampleRate(), a.language(), false)).toList(),
                f.subtitles().stream().map(s -> new org.retrovue.spi.MediaFacts.Subtitle(s.codec(), s.language())).toList(),
                f.chapters() == null ? null : f.chapters().stream().map(c -> new org.retrovue.spi.MediaFacts.Chapter(Math.round(c.startSeconds() * 1000),
                        c.endSeconds() == null ? null : Math.round(c.endSeconds() * 1000), c.title())).toList(),
                null);
    }
}
