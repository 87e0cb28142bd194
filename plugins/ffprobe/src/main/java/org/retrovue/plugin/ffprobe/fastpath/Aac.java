package org.retrovue.plugin.ffprobe.fastpath;

import java.nio.ByteBuffer;

/**
 * The AudioSpecificConfig of an AAC stream (ISO/IEC 14496-3), read for its channel count and sample rate. HE-AAC
 * (SBR, parametric stereo) is declined: the decoder ffprobe runs may double the rate or turn mono into stereo,
 * and with implicit signalling the header cannot tell, so mono and low-rate AAC is declined too.
 */
final class Aac {
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025,
        8000, 7350};

    private Aac() {}

    /** {channels, sample rate} of a plain AAC stream, or a decline. */
    static int[] config(ByteBuffer asc) {
        if (asc.limit() < 2) {
            throw new Decline("AAC configuration too short");
        }
        int bits = ((asc.get(0) & 0xFF) << 8) | (asc.get(1) & 0xFF);
        int objectType = bits >> 11;
        int rateIndex = (bits >> 7) & 0xF;
        int channelConfig = (bits >> 3) & 0xF;
        if (objectType < 1 || objectType > 4) {
            throw new Decline("AAC object type " + objectType + " (HE-AAC or rarer)");
        }
        if (rateIndex >= RATES.length) {
            throw new Decline("AAC with an explicit sample rate");
        }
        int rate = RATES[rateIndex];
        if (channelConfig < 2 || channelConfig > 7 || rate <= 24000) {
            throw new Decline("AAC that the decoder may upgrade (mono or low rate) or with a custom channel layout");
        }
        return new int[] {channelConfig == 7 ? 8 : channelConfig, rate};
    }
}
